namespace NlpTransfer.Embeddings;

/// <summary>How far a word-vector load has come.</summary>
/// <param name="BytesRead">Bytes of the input parsed so far.</param>
/// <param name="TotalBytes">Bytes of the input that will be parsed (after <see cref="WordVectorLoadOptions.MaxWords"/>).</param>
public readonly record struct WordVectorLoadProgress(long BytesRead, long TotalBytes)
{
    /// <summary>Fraction done, in [0, 1].</summary>
    public double Fraction => TotalBytes <= 0 ? 1.0 : Math.Clamp((double)BytesRead / TotalBytes, 0.0, 1.0);
}
