namespace NlpTransfer.Encoders;

/// <summary>How <see cref="WordVectorEncoder"/> weighs the words of a text.</summary>
public enum WordVectorEncoderWeighting
{
    /// <summary>Plain mean: every word weighs 1.</summary>
    Mean,

    /// <summary>
    /// Smooth inverse frequency (Arora, Liang and Ma 2017, "A Simple but Tough-to-Beat Baseline for Sentence
    /// Embeddings"): word w weighs a / (a + p(w)), p(w) its relative frequency in
    /// <see cref="WordVectorEncoderOptions.WordFrequencies"/>; the weighted vectors are averaged.
    /// </summary>
    Sif,
}
