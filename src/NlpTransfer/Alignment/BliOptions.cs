namespace NlpTransfer.Alignment;

/// <summary>Options of <see cref="BilingualLexiconInduction"/> evaluation.</summary>
public sealed record BliOptions
{
    /// <summary>Retrieval method. Default: <see cref="RetrievalMethod.Csls"/>.</summary>
    public RetrievalMethod Method { get; init; } = RetrievalMethod.Csls;

    /// <summary>K of CSLS. Default 10.</summary>
    public int CslsNeighbors { get; init; } = 10;

    /// <summary>How test-dictionary words are matched to vocabulary keys. Default exact.</summary>
    public DictionaryCaseMode CaseMode { get; init; } = DictionaryCaseMode.Exact;

    /// <summary>Candidates kept per source word in the predictions (at least 10, for P@10). Default 10.</summary>
    public int Candidates { get; init; } = 10;
}
