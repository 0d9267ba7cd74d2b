namespace NlpTransfer.Embeddings;

/// <summary>Options of <see cref="WordVectors.EvaluateAnalogies(string, AnalogyEvaluationOptions?)"/>; the defaults are gensim's.</summary>
public sealed record AnalogyEvaluationOptions
{
    /// <summary>
    /// Only the first N words count as known, and answers are searched among them only (default 300,000, as in gensim).
    /// </summary>
    public int RestrictVocab { get; init; } = 300_000;

    /// <summary>
    /// Compare words upper-cased (default true, as in gensim): when several casings of a word are in the vocabulary,
    /// the first (most frequent) row stands for all of them.
    /// </summary>
    public bool CaseInsensitive { get; init; } = true;

    /// <summary>Count questions with an unknown word as incorrect instead of skipping them (default false).</summary>
    public bool Dummy4Unknown { get; init; }

    /// <summary>3CosAdd (default, what gensim's evaluate_word_analogies uses) or 3CosMul.</summary>
    public AnalogyMethod Method { get; init; } = AnalogyMethod.Add;

    /// <summary>Receives the number of questions answered so far, once per block; null for none.</summary>
    public IProgress<int>? Progress { get; init; }
}
