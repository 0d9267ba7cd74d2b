namespace NlpTransfer.Data;

/// <summary>One labelled text of a dataset.</summary>
/// <param name="Text">The text, as read (not normalised).</param>
/// <param name="Labels">Its labels: one for single-label data, zero or more for multi-label data.</param>
/// <param name="Line">The 1-based line of the file it came from (0 when built in memory).</param>
public sealed record LabeledExample(string Text, IReadOnlyList<string> Labels, int Line);
