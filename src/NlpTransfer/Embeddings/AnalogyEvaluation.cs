namespace NlpTransfer.Embeddings;

/// <summary>
/// Accuracy on an analogy file in the questions-words format: the result of
/// <see cref="WordVectors.EvaluateAnalogies(string, AnalogyEvaluationOptions?)"/>.
/// </summary>
public sealed record AnalogyEvaluation
{
    /// <summary>The file (or the name given for a reader) that was evaluated.</summary>
    public required string Name { get; init; }

    /// <summary>The method used to answer (3CosAdd or 3CosMul).</summary>
    public required AnalogyMethod Method { get; init; }

    /// <summary>Every section in file order, empty ones included.</summary>
    public required IReadOnlyList<AnalogyEvaluationSection> Sections { get; init; }

    /// <summary>All sections together: gensim's "Total accuracy".</summary>
    public required AnalogyEvaluationSection Total { get; init; }

    /// <summary>The sections whose name does not start with "gram" (word2vec's semantic questions), together.</summary>
    public required AnalogyEvaluationSection Semantic { get; init; }

    /// <summary>The sections whose name starts with "gram" (word2vec's syntactic questions), together.</summary>
    public required AnalogyEvaluationSection Syntactic { get; init; }

    /// <summary>Well-formed questions read (four words on a line), evaluated or not.</summary>
    public required int Questions { get; init; }

    /// <summary>Questions with a word outside the (restricted) vocabulary.</summary>
    public required int QuestionsOutOfVocabulary { get; init; }

    /// <summary>Lines in a section that were not four words, skipped.</summary>
    public required int SkippedLines { get; init; }

    /// <summary>Total.Accuracy: correct / evaluated.</summary>
    public double Accuracy => Total.Accuracy;

    /// <summary>100 × QuestionsOutOfVocabulary / Questions.</summary>
    public double OovRatioPercent => Questions == 0 ? 0.0 : 100.0 * QuestionsOutOfVocabulary / Questions;
}
