namespace NlpTransfer.Alignment;

/// <summary>A bilingual dictionary resolved against two vocabularies: row pairs of the pairs in vocabulary.</summary>
public sealed class ResolvedDictionary
{
    internal ResolvedDictionary(int[] sourceRows, int[] targetRows, DictionaryCoverage coverage)
    {
        SourceRows = sourceRows;
        TargetRows = targetRows;
        Coverage = coverage;
    }

    /// <summary>Source-vocabulary row of each used pair, in dictionary order.</summary>
    public IReadOnlyList<int> SourceRows { get; }

    /// <summary>Target-vocabulary row of each used pair (parallel to <see cref="SourceRows"/>).</summary>
    public IReadOnlyList<int> TargetRows { get; }

    /// <summary>Number of used pairs.</summary>
    public int Count => SourceRows.Count;

    /// <summary>Counts of used and missing pairs and words.</summary>
    public DictionaryCoverage Coverage { get; }
}
