namespace NlpTransfer.Alignment;

/// <summary>A fitted map and how it was fitted.</summary>
public sealed record AlignmentResult
{
    /// <summary>The map.</summary>
    public required CrossLingualMap Map { get; init; }

    /// <summary>How much of the seed dictionary the vocabularies cover.</summary>
    public required DictionaryCoverage Coverage { get; init; }

    /// <summary>One entry per refinement iteration (empty without refinement).</summary>
    public required IReadOnlyList<RefinementIteration> Iterations { get; init; }

    /// <summary>max |WᵀW − I| of the final W (double precision).</summary>
    public required double OrthogonalityError { get; init; }

    /// <summary>Singular values of the last cross-covariance solved, descending.</summary>
    public required IReadOnlyList<double> SingularValues { get; init; }
}
