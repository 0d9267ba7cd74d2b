using System.Globalization;
using NlpTransfer.Cli.Infrastructure;
using NlpTransfer.Embeddings;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands.Vectors;

/// <summary>
/// <c>nlpt vectors lookup &lt;file&gt; &lt;word&gt;...</c>: for each word whether it is in the vocabulary, whether a
/// vector can be made (fastText subwords), and the vector.
/// </summary>
internal sealed class LookupCommand : Command<LookupSettings>
{
    public override int Execute(CommandContext context, LookupSettings settings, CancellationToken cancellationToken)
    {
        VectorFileLoader.TryParseFormat(settings.Format, out var format);
        using var vectors = VectorFileLoader.Load(settings.File, format, WordVectorLoadOptions.Default, out _);
        var results = new List<LookupResult>(settings.Words.Length);
        var buffer = new float[vectors.Dimensions];
        foreach (string word in settings.Words)
        {
            bool made = vectors.TryGetOrBuildVector(word, buffer);
            results.Add(new LookupResult(word, vectors.Contains(word), vectors.CanMakeVector(word), made ? [.. buffer] : null));
        }

        var io = CliApp.IO;
        if (settings.Json)
        {
            io.WriteJson(new LookupReport(settings.File, VectorFileLoader.FormatName(vectors.Source.Format), vectors.Dimensions, results));
            return CliApp.Success;
        }

        foreach (var result in results)
        {
            string status = result.InVocabulary ? "in vocabulary" : result.CanMakeVector ? "unknown, built from subwords" : "unknown, no vector";
            io.Out.WriteLine($"{result.Word}\t{status}");
            if (result.Vector is not null)
            {
                io.Out.WriteLine("\t" + string.Join(" ", result.Vector.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
            }
        }

        return CliApp.Success;
    }

    /// <summary>One word of the --json object.</summary>
    internal sealed record LookupResult(string Word, bool InVocabulary, bool CanMakeVector, float[]? Vector);

    /// <summary>The --json object.</summary>
    internal sealed record LookupReport(string File, string Format, int Dimensions, IReadOnlyList<LookupResult> Words);
}
