using System.Diagnostics;
using NlpTransfer.Alignment;
using NlpTransfer.Cli.Infrastructure;
using NlpTransfer.Embeddings;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands;

/// <summary><c>nlpt bli</c>: bilingual lexicon induction, P@1/5/10 of a map (or of two spaces as they are) on a test dictionary.</summary>
internal sealed class BliCommand : Command<BliSettings>
{
    public override int Execute(CommandContext context, BliSettings settings, CancellationToken cancellationToken)
    {
        CliIO io = CliApp.IO;
        var clock = Stopwatch.StartNew();
        CrossLingualMap? map = null;
        if (settings.Map is not null)
        {
            if (!File.Exists(settings.Map))
            {
                throw new UserInputException($"{settings.Map}: map file not found.");
            }

            map = CrossLingualMap.Load(settings.Map);
            if (settings.Inverse)
            {
                map = map.Inverse();
            }
        }

        using WordVectors source = AlignmentCli.LoadVectors(settings.Source!, settings.MaxWords, io);
        using WordVectors target = AlignmentCli.LoadVectors(settings.Target!, settings.MaxWords, io);
        BilingualDictionary test = AlignmentCli.LoadDictionary(settings.Dictionary!);
        bool? sourceMatches = null, targetMatches = null;
        if (map is not null)
        {
            if (source.Dimensions != map.Dimensions || target.Dimensions != map.Dimensions)
            {
                throw new UserInputException(
                    $"{settings.Map}: dimension mismatch: the map is {map.Dimensions}-dimensional, {settings.Source} has {source.Dimensions} dimensions and {settings.Target} {target.Dimensions}.");
            }

            sourceMatches = VectorsFingerprint.Of(source).Sha256 == map.Source.Sha256;
            targetMatches = VectorsFingerprint.Of(target).Sha256 == map.Target.Sha256;
            if (sourceMatches == false || targetMatches == false)
            {
                io.Error.WriteLine($"note: the vectors differ from those the map was fitted on (source {(sourceMatches == true ? "same" : "different")}, target {(targetMatches == true ? "same" : "different")}); the map's stored normalisation is applied.");
            }
        }

        var options = new BliOptions
        {
            Method = settings.Retrieval == "nn" ? RetrievalMethod.NearestNeighbor : RetrievalMethod.Csls,
            CslsNeighbors = settings.CslsK,
            CaseMode = settings.CaseMode,
        };
        BliReport report = BilingualLexiconInduction.Evaluate(source, target, test, map, options);

        if (settings.Json)
        {
            io.WriteJson(new
            {
                Source = settings.Source, Target = settings.Target, Map = settings.Map, Dictionary = settings.Dictionary,
                Inverse = settings.Inverse, Retrieval = settings.Retrieval, CslsK = settings.CslsK,
                PAt1 = report.PrecisionAt1, PAt5 = report.PrecisionAt5, PAt10 = report.PrecisionAt10,
                report.HitsAt1, report.HitsAt5, report.HitsAt10,
                Coverage = new
                {
                    report.TestPairs, report.TestPairsInVocabulary, report.TestSources, report.TestSourcesInVocabulary, report.Evaluated,
                },
                SourceMatchesMap = sourceMatches, TargetMatchesMap = targetMatches,
                Predictions = settings.Predictions ? report.Predictions : null,
                Seconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
            });
        }
        else
        {
            io.Out.WriteLine($"{settings.Retrieval}: P@1 {report.PrecisionAt1:F4}  P@5 {report.PrecisionAt5:F4}  P@10 {report.PrecisionAt10:F4}  " +
                             $"over {report.Evaluated} source words ({report.TestSourcesInVocabulary} of {report.TestSources} test words in the source vocabulary, " +
                             $"{report.Evaluated} with a gold translation in the target vocabulary)");
            if (settings.Predictions)
            {
                foreach (BliPrediction p in report.Predictions)
                {
                    io.Out.WriteLine($"{p.Source}\t{(p.Rank == 1 ? "ok" : p.Rank > 0 ? $"@{p.Rank}" : "miss")}\t{string.Join(' ', p.Candidates.Take(5))}\tgold: {string.Join(' ', p.Gold)}");
                }
            }
        }

        return CliApp.Success;
    }
}
