namespace NlpTransfer.Encoders;

/// <summary>How <see cref="WordVectorEncoder"/> splits a text into the words it looks up.</summary>
public enum WordVectorEncoderTokenization
{
    /// <summary>
    /// Maximal runs of letters (Unicode categories Lu, Ll, Lt, Lm, Lo); digits, apostrophes, hyphens and punctuation
    /// all separate words ("don't" → "don", "t"). The same rule as Python's <c>str.isalpha</c> runs used by the
    /// scikit-learn mean-GloVe reference figures.
    /// </summary>
    LetterRuns,

    /// <summary>Runs of non-whitespace characters, punctuation kept attached ("film," stays one token).</summary>
    Whitespace,
}
