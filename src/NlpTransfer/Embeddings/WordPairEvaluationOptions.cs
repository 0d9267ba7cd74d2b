namespace NlpTransfer.Embeddings;

/// <summary>Options of <see cref="WordVectors.EvaluateWordPairs(string, WordPairEvaluationOptions?)"/>; the defaults are gensim's.</summary>
public sealed record WordPairEvaluationOptions
{
    /// <summary>
    /// The column separator: a line must split into exactly three fields "word1 word2 score". Default: a tab
    /// (gensim's default). Null splits on runs of whitespace, for space-separated files.
    /// </summary>
    public string? Delimiter { get; init; } = "\t";

    /// <summary>Only the first N words of the vocabulary count as known (default 300,000, as in gensim).</summary>
    public int RestrictVocab { get; init; } = 300_000;

    /// <summary>
    /// Compare words upper-cased (default true, as in gensim): when several casings of a word are in the vocabulary,
    /// the first (most frequent) row wins.
    /// </summary>
    public bool CaseInsensitive { get; init; } = true;

    /// <summary>
    /// Score pairs with an unknown word as similarity 0 instead of skipping them (default false). The OOV ratio is
    /// then oov / used, as gensim computes it.
    /// </summary>
    public bool Dummy4Unknown { get; init; }
}
