namespace NlpTransfer.Encoders;

/// <summary>What an encoder does with a text longer than its maximum sequence length.</summary>
public enum LongTextStrategy
{
    /// <summary>Keep the first word pieces that fit; the rest of the text is ignored.</summary>
    Truncate,

    /// <summary>
    /// Split the word pieces into overlapping windows that each fit, pool every window, and average the window
    /// vectors (normalising afterwards when normalisation is on).
    /// </summary>
    AverageWindows,
}
