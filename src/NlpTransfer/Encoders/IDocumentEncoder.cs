namespace NlpTransfer.Encoders;

/// <summary>
/// Turns texts into fixed-length vectors in one embedding space. Heads are trained on these vectors and do not
/// care where they come from (word vectors, an ONNX BERT encoder, …).
/// </summary>
/// <remarks>Implementations are thread-safe for concurrent <see cref="Encode"/> calls.</remarks>
public interface IDocumentEncoder
{
    /// <summary>Length of every output vector.</summary>
    int Dimensions { get; }

    /// <summary>
    /// A stable identity of the encoder and every option that changes its output (for example
    /// "minilm-l6-v2/mean/normalized@sha256:…"). Head files record it, and a head is refused on another encoder.
    /// </summary>
    string Identity { get; }

    /// <summary>Encodes <paramref name="texts"/> into <paramref name="destination"/>: texts.Count × Dimensions, row-major.</summary>
    /// <exception cref="ArgumentException">destination has the wrong length, or an entry of texts is null.</exception>
    void Encode(IReadOnlyList<string> texts, Span<float> destination);
}
