using NlpTransfer.Cli.Infrastructure;
using NlpTransfer.Embeddings;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands.Vectors;

/// <summary>
/// <c>nlpt vectors neighbors</c>: the nearest words by cosine of each given word (gensim's most_similar). Words not
/// in the vocabulary are reported (exit code 1) after the others are answered.
/// </summary>
internal sealed class NeighborsCommand : Command<NeighborsSettings>
{
    public override int Execute(CommandContext context, NeighborsSettings settings, CancellationToken cancellationToken)
    {
        CliIO io = CliApp.IO;
        using WordVectors vectors = settings.LoadVectors(io);
        var results = new List<NeighborsResult>(settings.Words.Length);
        foreach (string word in settings.Words)
        {
            if (!vectors.Contains(word))
            {
                results.Add(new NeighborsResult(word, false, null, $"Key '{word}' not present in vocabulary"));
                continue;
            }

            IReadOnlyList<ScoredWord> neighbors = vectors.MostSimilar(word, settings.Top, settings.Restrict);
            results.Add(new NeighborsResult(word, true, neighbors.Select(n => new ScoredEntry(n.Word, n.Score)).ToArray(), null));
        }

        if (settings.Json)
        {
            io.WriteJson(new { settings.File, settings.Top, RestrictVocab = settings.Restrict, Results = results });
        }
        else
        {
            foreach (NeighborsResult result in results)
            {
                io.Out.WriteLine(result.InVocabulary ? result.Word : $"{result.Word}  (not in the vocabulary)");
                foreach (ScoredEntry neighbor in result.Neighbors ?? [])
                {
                    io.Out.WriteLine($"  {neighbor.Score,9:F6}  {neighbor.Word}");
                }
            }
        }

        string[] missing = results.Where(r => !r.InVocabulary).Select(r => r.Word).ToArray();
        if (missing.Length > 0)
        {
            io.Error.WriteLine($"nlpt: error: {settings.File}: not in the vocabulary (case-sensitive): {string.Join(", ", missing)}");
            return CliApp.BadInput;
        }

        return CliApp.Success;
    }

    private sealed record NeighborsResult(string Word, bool InVocabulary, ScoredEntry[]? Neighbors, string? Error);
}
