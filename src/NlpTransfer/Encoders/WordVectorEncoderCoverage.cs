namespace NlpTransfer.Encoders;

/// <summary>How many words of one text <see cref="WordVectorEncoder"/> found vectors for.</summary>
/// <param name="Words">Words (tokens) in the text.</param>
/// <param name="InVocabulary">Words that had a vector (stored, or built from subwords).</param>
public readonly record struct WordVectorEncoderCoverage(int Words, int InVocabulary)
{
    /// <summary>True when no word had a vector: the text's vector is then all zeros.</summary>
    public bool IsAllOutOfVocabulary => InVocabulary == 0;
}
