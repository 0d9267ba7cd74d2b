namespace NlpTransfer.Embeddings;

/// <summary>
/// How well the cosine similarities of word pairs agree with human judgements (WordSim-353, SimLex-999, MEN):
/// the result of <see cref="WordVectors.EvaluateWordPairs(string, WordPairEvaluationOptions?)"/>.
/// </summary>
public sealed record WordPairEvaluation
{
    /// <summary>The file (or the name given for a reader) that was evaluated.</summary>
    public required string Name { get; init; }

    /// <summary>Pairs scored by the model (with Dummy4Unknown, out-of-vocabulary pairs are included with score 0).</summary>
    public required int PairsUsed { get; init; }

    /// <summary>Pairs with at least one word outside the (restricted) vocabulary.</summary>
    public required int PairsOutOfVocabulary { get; init; }

    /// <summary>Data lines that did not split into two words and a number, and were skipped.</summary>
    public required int SkippedLines { get; init; }

    /// <summary>Pearson's r between the human scores and the cosines.</summary>
    public required double Pearson { get; init; }

    /// <summary>Two-sided p-value of <see cref="Pearson"/> under the null hypothesis r = 0 (exact t distribution, n − 2 degrees of freedom).</summary>
    public required double PearsonPValue { get; init; }

    /// <summary>Spearman's ρ: Pearson's r of the ranks, tied values sharing their average rank.</summary>
    public required double Spearman { get; init; }

    /// <summary>Two-sided p-value of <see cref="Spearman"/> (t approximation with n − 2 degrees of freedom, as scipy).</summary>
    public required double SpearmanPValue { get; init; }

    /// <summary>
    /// 100 × out-of-vocabulary pairs / all pairs read (gensim's oov_ratio); with Dummy4Unknown, 100 × oov / used.
    /// </summary>
    public required double OovRatioPercent { get; init; }
}
