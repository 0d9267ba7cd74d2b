namespace NlpTransfer.Alignment;

/// <summary>One step of embedding normalisation, applied to every row of a vector matrix.</summary>
public enum NormalizationStep
{
    /// <summary>Divide each row by its L2 norm (rows of norm zero stay zero).</summary>
    Unit,

    /// <summary>Subtract the column mean over the whole vocabulary (the mean is fitted once and stored with a map).</summary>
    Center,
}
