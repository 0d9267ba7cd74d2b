namespace NlpTransfer.Embeddings;

/// <summary>Where a <see cref="WordVectors"/> was read from.</summary>
/// <param name="Path">The file path, or null when read from a stream or built in memory.</param>
/// <param name="Format">The format the file was read as (detected when Auto was asked for).</param>
public sealed record WordVectorsSource(string? Path, WordVectorFormat Format)
{
    /// <summary>The model's arguments and dictionary sizes when read from a fastText .bin; otherwise null.</summary>
    public FastTextModelInfo? FastText { get; init; }
}
