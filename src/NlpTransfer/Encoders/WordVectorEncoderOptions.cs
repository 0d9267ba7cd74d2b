namespace NlpTransfer.Encoders;

/// <summary>Options of <see cref="WordVectorEncoder"/>. Every property has a documented default.</summary>
public sealed record WordVectorEncoderOptions
{
    /// <summary>How texts are split into words; default <see cref="WordVectorEncoderTokenization.LetterRuns"/>.</summary>
    public WordVectorEncoderTokenization Tokenization { get; init; } = WordVectorEncoderTokenization.LetterRuns;

    /// <summary>Lower-case texts (invariant culture) before lookup; default true (right for GloVe and other uncased vectors).</summary>
    public bool Lowercase { get; init; } = true;

    /// <summary>What to do with words without a vector; default <see cref="WordVectorEncoderOovPolicy.Skip"/>.</summary>
    public WordVectorEncoderOovPolicy OovPolicy { get; init; } = WordVectorEncoderOovPolicy.Skip;

    /// <summary>Word weighting; default <see cref="WordVectorEncoderWeighting.Mean"/>.</summary>
    public WordVectorEncoderWeighting Weighting { get; init; } = WordVectorEncoderWeighting.Mean;

    /// <summary>
    /// Word counts for SIF weighting (the relative frequency is count / total); words absent from it count 0 and
    /// weigh 1. Required when <see cref="Weighting"/> is <see cref="WordVectorEncoderWeighting.Sif"/>; default null.
    /// Looked up after lower-casing when <see cref="Lowercase"/> is set.
    /// </summary>
    public IReadOnlyDictionary<string, long>? WordFrequencies { get; init; }

    /// <summary>SIF's smoothing constant a in a / (a + p(w)); default 1e-3 (Arora et al. 2017 report 1e-3 to 1e-4 working well).</summary>
    public double SifA { get; init; } = 1e-3;
}
