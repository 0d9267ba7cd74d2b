namespace NlpTransfer.Data;

/// <summary>How <see cref="LabeledDataset.Read(string, DatasetReadOptions?)"/> reads a labelled text file.</summary>
public sealed record DatasetReadOptions
{
    /// <summary>The file layout; default <see cref="DatasetFormat.Auto"/>.</summary>
    public DatasetFormat Format { get; init; } = DatasetFormat.Auto;

    /// <summary>
    /// The text column: a header name for CSV/TSV with a header, a JSON property name for JSONL, or a 0-based index
    /// for <see cref="DatasetFormat.TsvNoHeader"/>. Default <c>"text"</c> (index 0 for headerless TSV).
    /// </summary>
    public string TextColumn { get; init; } = "text";

    /// <summary>
    /// The label column, as <see cref="TextColumn"/>. Default <c>"label"</c> (the last column for headerless TSV;
    /// a negative index counts from the end).
    /// </summary>
    public string LabelColumn { get; init; } = "label";

    /// <summary>When true, malformed rows are skipped and counted; when false (the default) the first one throws.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>Which part of hierarchical labels is kept; default <see cref="Data.LabelLevel.Full"/>.</summary>
    public LabelLevel LabelLevel { get; init; } = LabelLevel.Full;

    /// <summary>The separator between coarse and fine parts of a hierarchical label; default <c>':'</c>.</summary>
    public char LabelLevelSeparator { get; init; } = ':';

    /// <summary>
    /// When set, a CSV/TSV label cell is split on this character into several labels (multi-label data);
    /// default null (one label per cell).
    /// </summary>
    public char? LabelSeparator { get; init; }

    /// <summary>
    /// Renames labels after reading (and after <see cref="LabelLevel"/>), e.g. SST-2's "0" → "negative",
    /// "1" → "positive"; labels not in the map are kept. Default null (no renaming).
    /// </summary>
    public IReadOnlyDictionary<string, string>? LabelNames { get; init; }

    /// <summary>A stable description of every option that changes what is read, used in feature-cache keys.</summary>
    internal string Signature =>
        $"{Format}|{TextColumn}|{LabelColumn}|{SkipBadRows}|{LabelLevel}|{LabelLevelSeparator}|{LabelSeparator}|" +
        (LabelNames is null ? string.Empty : string.Join(",", LabelNames.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));
}
