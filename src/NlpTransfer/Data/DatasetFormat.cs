namespace NlpTransfer.Data;

/// <summary>The layout of a labelled text file.</summary>
public enum DatasetFormat
{
    /// <summary>Inferred from the extension and, when that is ambiguous, from the first line (see <see cref="LabeledDataset.Read(string, DatasetReadOptions?)"/>).</summary>
    Auto,

    /// <summary>One JSON object per line: <c>{"text": "...", "label": "pos"}</c>; the label may be a list for multi-label data.</summary>
    Jsonl,

    /// <summary>Comma-separated values with a header row naming the text and label columns (RFC 4180 quoting).</summary>
    Csv,

    /// <summary>Tab-separated values with a header row naming the text and label columns.</summary>
    Tsv,

    /// <summary>
    /// Tab-separated values without a header (AG News, the UCI sentiment sentences): columns are addressed by
    /// 0-based index; by default the text is column 0 and the label the last column.
    /// </summary>
    TsvNoHeader,

    /// <summary>The fastText format: one or more <c>__label__x</c> tokens, then the text (<c>__label__pos great film</c>).</summary>
    FastText,

    /// <summary>The label up to the first space, then the text (SST-2's <c>1 a stirring film</c>, TREC's <c>DESC:manner How did ...</c>).</summary>
    LabelText,
}
