namespace NlpTransfer.Embeddings;

/// <summary>A key that appeared again after its first row; the first row was kept and this one dropped.</summary>
/// <param name="Key">The key (after lower-casing, when that was asked for).</param>
/// <param name="Row">The 1-based row of the file (the line number for text formats) that was dropped.</param>
/// <param name="FirstRow">The 1-based row of the file that was kept.</param>
public sealed record WordVectorDuplicate(string Key, long Row, long FirstRow);
