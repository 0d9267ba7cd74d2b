namespace NlpTransfer.Embeddings;

/// <summary>Options of <see cref="WordVectors.Load(string, WordVectorFormat, WordVectorLoadOptions?)"/>.</summary>
public sealed record WordVectorLoadOptions
{
    /// <summary>The default options: every word, keys as written, rows as written, no progress.</summary>
    public static WordVectorLoadOptions Default { get; } = new();

    /// <summary>
    /// Load only the first N words of the file (for most files the N most frequent), like gensim's <c>limit</c>.
    /// Null (the default) loads every word. For a fastText .bin, the n-gram buckets are always loaded.
    /// </summary>
    public int? MaxWords { get; init; }

    /// <summary>
    /// Lower-case every key with the invariant culture. Keys that become equal are duplicates: the first row
    /// wins and the others are reported in <see cref="WordVectors.LoadReport"/>. Default false.
    /// </summary>
    public bool LowercaseKeys { get; init; }

    /// <summary>Scale every row to unit L2 norm (zero rows stay zero). Default false.</summary>
    public bool Normalize { get; init; }

    /// <summary>
    /// Receives progress while a file is read (from worker threads; the callback must be thread-safe). Default null.
    /// </summary>
    public IProgress<WordVectorLoadProgress>? Progress { get; init; }

    internal void Validate()
    {
        if (MaxWords is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(max, nameof(MaxWords));
        }
    }
}
