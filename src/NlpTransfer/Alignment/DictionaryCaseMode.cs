namespace NlpTransfer.Alignment;

/// <summary>How dictionary words are matched against vocabulary keys.</summary>
public enum DictionaryCaseMode
{
    /// <summary>Ordinal, case-sensitive match (the MUSE evaluation rule). The default.</summary>
    Exact,

    /// <summary>
    /// Exact match first; otherwise the first (most frequent) vocabulary row whose lower-cased key equals the
    /// lower-cased word (invariant culture).
    /// </summary>
    IgnoreCase,
}
