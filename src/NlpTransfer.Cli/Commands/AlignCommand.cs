using System.Diagnostics;
using NlpTransfer.Alignment;
using NlpTransfer.Cli.Infrastructure;
using NlpTransfer.Embeddings;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands;

/// <summary><c>nlpt align</c>: fits an orthogonal cross-lingual map on a seed dictionary and writes it to a map file.</summary>
internal sealed class AlignCommand : Command<AlignSettings>
{
    public override int Execute(CommandContext context, AlignSettings settings, CancellationToken cancellationToken)
    {
        CliIO io = CliApp.IO;
        var clock = Stopwatch.StartNew();
        using WordVectors source = AlignmentCli.LoadVectors(settings.Source!, settings.MaxWords, io);
        using WordVectors target = AlignmentCli.LoadVectors(settings.Target!, settings.MaxWords, io);
        if (source.Dimensions != target.Dimensions)
        {
            throw new UserInputException(
                $"dimension mismatch: {settings.Source} has {source.Dimensions} dimensions, {settings.Target} {target.Dimensions}; an orthogonal map needs equal dimensions.");
        }

        BilingualDictionary dictionary = AlignmentCli.LoadDictionary(settings.Dictionary!);
        var options = new AlignmentOptions
        {
            Normalization = settings.Steps,
            RefinementIterations = settings.Refine,
            RefinementVocabulary = settings.RefineVocabulary,
            CslsNeighbors = settings.CslsK,
            CaseMode = settings.CaseMode,
        };
        var progress = new AlignProgress<RefinementIteration>(it => io.Error.WriteLine(
            $"refinement {it.Iteration}/{settings.Refine}: {it.DictionarySize} mutual CSLS pairs, mean cosine {it.MeanCosine:F4}"));

        AlignmentResult result = CrossLingualAligner.Align(source, target, dictionary, options, progress, cancellationToken);
        result.Map.Save(settings.Output!);

        DictionaryCoverage c = result.Coverage;
        if (settings.Json)
        {
            io.WriteJson(new
            {
                Output = settings.Output,
                Dimensions = result.Map.Dimensions,
                Normalization = EmbeddingNormalizer.FormatSteps(settings.Steps),
                Source = new { Path = settings.Source, result.Map.Source.Count, result.Map.Source.Sha256 },
                Target = new { Path = settings.Target, result.Map.Target.Count, result.Map.Target.Sha256 },
                Dictionary = new
                {
                    Path = settings.Dictionary, c.PairsTotal, c.PairsUsed, c.SourcesTotal, c.SourcesInVocabulary, c.SourcesUsed,
                    c.PairsMissingSource, c.PairsMissingTarget, c.MissingExamples,
                },
                Refinement = result.Iterations,
                TrainingPairs = result.Map.TrainingPairs,
                result.OrthogonalityError,
                Seconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
            });
        }
        else
        {
            io.Out.WriteLine($"dictionary: {c.PairsUsed} of {c.PairsTotal} pairs in vocabulary ({c.SourcesUsed} of {c.SourcesTotal} source words); " +
                             $"missing: {c.PairsMissingSource} source, {c.PairsMissingTarget} target" +
                             (c.MissingExamples.Count > 0 ? $" (e.g. {string.Join(", ", c.MissingExamples.Take(5))})" : ""));
            foreach (RefinementIteration it in result.Iterations)
            {
                io.Out.WriteLine($"refinement {it.Iteration}: {it.DictionarySize} pairs, mean cosine {it.MeanCosine:F4}, {it.SeedPairsRecovered} seed pairs recovered");
            }

            io.Out.WriteLine($"map {result.Map.Dimensions}×{result.Map.Dimensions} ({EmbeddingNormalizer.FormatSteps(settings.Steps)}), " +
                             $"|WᵀW − I| = {result.OrthogonalityError:E1}, written to {settings.Output} in {clock.Elapsed.TotalSeconds:F1} s");
        }

        return CliApp.Success;
    }
}
