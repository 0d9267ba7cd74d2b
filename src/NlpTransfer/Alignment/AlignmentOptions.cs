namespace NlpTransfer.Alignment;

/// <summary>Options of <see cref="CrossLingualAligner.Align"/>.</summary>
public sealed record AlignmentOptions
{
    /// <summary>Normalisation steps applied to both spaces before solving, in order. Default: none.</summary>
    public IReadOnlyList<NormalizationStep> Normalization { get; init; } = [];

    /// <summary>How dictionary words are matched to vocabulary keys. Default: <see cref="DictionaryCaseMode.Exact"/>.</summary>
    public DictionaryCaseMode CaseMode { get; init; } = DictionaryCaseMode.Exact;

    /// <summary>
    /// Refinement iterations after the supervised solution (Conneau et al. 2018, §3.4): each induces a dictionary of
    /// mutual CSLS nearest neighbours and re-solves Procrustes on it alone. Default 0 (none).
    /// </summary>
    public int RefinementIterations { get; init; }

    /// <summary>Refinement considers only the first this-many words of each vocabulary (most frequent). Default 10,000.</summary>
    public int RefinementVocabulary { get; init; } = 10_000;

    /// <summary>K of CSLS (neighbourhood size). Default 10.</summary>
    public int CslsNeighbors { get; init; } = 10;
}
