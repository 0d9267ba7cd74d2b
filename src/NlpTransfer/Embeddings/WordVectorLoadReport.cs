namespace NlpTransfer.Embeddings;

/// <summary>What a load found besides the vectors: rows read, duplicates dropped, the declared size.</summary>
public sealed record WordVectorLoadReport
{
    /// <summary>How many duplicates <see cref="Duplicates"/> lists at most.</summary>
    public const int MaxListedDuplicates = 10;

    /// <summary>Rows read from the file (before duplicates were dropped).</summary>
    public required int RowsRead { get; init; }

    /// <summary>The word count the file's header declares, or null when the format has no header (GloVe).</summary>
    public long? DeclaredCount { get; init; }

    /// <summary>Rows dropped because their key repeated an earlier key (the first row wins).</summary>
    public int DuplicateCount { get; init; }

    /// <summary>The first <see cref="MaxListedDuplicates"/> duplicates, in file order.</summary>
    public IReadOnlyList<WordVectorDuplicate> Duplicates { get; init; } = [];

    /// <summary>True when <see cref="WordVectorLoadOptions.MaxWords"/> stopped the load before the end of the file.</summary>
    public bool Truncated { get; init; }

    /// <summary>Wall-clock time of the load.</summary>
    public TimeSpan Elapsed { get; init; }
}
