namespace NlpTransfer.Alignment;

/// <summary>The retrieved translations of one evaluated test word.</summary>
/// <param name="Source">The source word.</param>
/// <param name="Candidates">Retrieved target words, best first.</param>
/// <param name="Scores">Their scores (cosine or CSLS), parallel to <paramref name="Candidates"/>.</param>
/// <param name="Gold">The word's gold translations that are in the target vocabulary.</param>
/// <param name="Rank">1-based rank of the first gold translation among the candidates, or 0 when none was retrieved.</param>
public sealed record BliPrediction(string Source, IReadOnlyList<string> Candidates, IReadOnlyList<float> Scores, IReadOnlyList<string> Gold, int Rank);
