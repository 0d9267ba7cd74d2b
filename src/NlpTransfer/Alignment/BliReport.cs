namespace NlpTransfer.Alignment;

/// <summary>
/// Bilingual lexicon induction scores: P@k is the share of evaluated source words with any gold translation among
/// their top k retrieved target words. Evaluated words are the test source words in the source vocabulary that have
/// at least one gold translation in the target vocabulary (the coverage figures say how many that is).
/// </summary>
public sealed record BliReport
{
    /// <summary>Retrieval method used.</summary>
    public required RetrievalMethod Method { get; init; }

    /// <summary>Precision at 1.</summary>
    public required double PrecisionAt1 { get; init; }

    /// <summary>Precision at 5.</summary>
    public required double PrecisionAt5 { get; init; }

    /// <summary>Precision at 10.</summary>
    public required double PrecisionAt10 { get; init; }

    /// <summary>Words correct at 1.</summary>
    public required int HitsAt1 { get; init; }

    /// <summary>Words correct at 5.</summary>
    public required int HitsAt5 { get; init; }

    /// <summary>Words correct at 10.</summary>
    public required int HitsAt10 { get; init; }

    /// <summary>Test pairs (lines).</summary>
    public required int TestPairs { get; init; }

    /// <summary>Test pairs with both words in vocabulary.</summary>
    public required int TestPairsInVocabulary { get; init; }

    /// <summary>Distinct test source words.</summary>
    public required int TestSources { get; init; }

    /// <summary>Test source words in the source vocabulary.</summary>
    public required int TestSourcesInVocabulary { get; init; }

    /// <summary>Source words evaluated (in vocabulary, with an in-vocabulary gold translation): the denominator of P@k.</summary>
    public required int Evaluated { get; init; }

    /// <summary>Per evaluated word, in test-dictionary order.</summary>
    public required IReadOnlyList<BliPrediction> Predictions { get; init; }
}
