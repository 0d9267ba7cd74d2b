namespace NlpTransfer.Encoders;

/// <summary>What <see cref="WordVectorEncoder"/> does with a word that has no vector.</summary>
public enum WordVectorEncoderOovPolicy
{
    /// <summary>Leave it out: the mean is over in-vocabulary words only.</summary>
    Skip,

    /// <summary>Count it as a zero vector: the mean divides by all words, shrinking texts with many unknown words.</summary>
    Zero,

    /// <summary>
    /// Build its vector from fastText character n-grams when the vectors carry a subword model (fastText .bin);
    /// words with no n-gram, or vectors without subwords, are skipped.
    /// </summary>
    Subwords,
}
