namespace NlpTransfer.Cli.Commands.Vectors;

/// <summary>A word and its score as the query verbs print them in JSON.</summary>
internal sealed record ScoredEntry(string Word, float Score);
