namespace NlpTransfer.Alignment;

/// <summary>How much of a bilingual dictionary two vocabularies cover.</summary>
public sealed record DictionaryCoverage
{
    /// <summary>Pairs (lines) in the dictionary.</summary>
    public required int PairsTotal { get; init; }

    /// <summary>Pairs whose two words are both in vocabulary (the pairs used).</summary>
    public required int PairsUsed { get; init; }

    /// <summary>Distinct source words in the dictionary.</summary>
    public required int SourcesTotal { get; init; }

    /// <summary>Distinct source words present in the source vocabulary.</summary>
    public required int SourcesInVocabulary { get; init; }

    /// <summary>Distinct source words with at least one used pair.</summary>
    public required int SourcesUsed { get; init; }

    /// <summary>Pairs whose source word is missing (whatever the target).</summary>
    public required int PairsMissingSource { get; init; }

    /// <summary>Pairs whose source word is present but whose target word is missing.</summary>
    public required int PairsMissingTarget { get; init; }

    /// <summary>Up to ten missing pairs as <c>source target</c>, in file order, for messages.</summary>
    public required IReadOnlyList<string> MissingExamples { get; init; }
}
