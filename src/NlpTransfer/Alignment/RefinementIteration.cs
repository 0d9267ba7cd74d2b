namespace NlpTransfer.Alignment;

/// <summary>What one refinement iteration induced.</summary>
/// <param name="Iteration">1-based iteration number.</param>
/// <param name="DictionarySize">Mutual CSLS nearest-neighbour pairs induced (and solved on).</param>
/// <param name="MeanCosine">
/// Mean cosine of the induced pairs under the map that induced them: MUSE's unsupervised validation criterion
/// (higher is better; a drop suggests the refinement is drifting).
/// </param>
/// <param name="SeedPairsRecovered">Induced pairs that are also pairs of the seed dictionary.</param>
public sealed record RefinementIteration(int Iteration, int DictionarySize, double MeanCosine, int SeedPairsRecovered);
