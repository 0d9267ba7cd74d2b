namespace NlpTransfer.Embeddings;

/// <summary>A vocabulary word with the score a query gave it (a cosine similarity, or a 3CosMul objective).</summary>
/// <param name="Word">The word, as stored in the vocabulary.</param>
/// <param name="Index">Its row in the <see cref="WordVectors"/> matrix.</param>
/// <param name="Score">The score; higher is more similar.</param>
public readonly record struct ScoredWord(string Word, int Index, float Score);
