using System.Diagnostics;
using NlpTransfer.Cli.Infrastructure;
using NlpTransfer.Embeddings;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands.Vectors;

/// <summary>
/// <c>nlpt vectors eval</c>: word-pair similarity (Pearson, Spearman, OOV ratio) and analogy accuracy (overall, per
/// section, semantic/syntactic), as gensim's evaluate_word_pairs and evaluate_word_analogies compute them.
/// </summary>
internal sealed class EvalCommand : Command<EvalSettings>
{
    public override int Execute(CommandContext context, EvalSettings settings, CancellationToken cancellationToken)
    {
        CliIO io = CliApp.IO;
        foreach (string input in settings.Similarity.Append(settings.Analogies).OfType<string>())
        {
            if (!File.Exists(input))
            {
                throw new UserInputException($"{input}: file not found.");
            }
        }

        using WordVectors vectors = settings.LoadVectors(io);
        var pairOptions = new WordPairEvaluationOptions
        {
            Delimiter = settings.Delimiter == "tab" ? "\t" : null,
            RestrictVocab = settings.Restrict,
            CaseInsensitive = !settings.CaseSensitive,
            Dummy4Unknown = settings.Dummy4Unknown,
        };
        var similarity = new List<object>();
        foreach (string pairs in settings.Similarity)
        {
            WordPairEvaluation result = vectors.EvaluateWordPairs(pairs, pairOptions);
            similarity.Add(new
            {
                File = result.Name, result.PairsUsed, PairsOov = result.PairsOutOfVocabulary, result.SkippedLines,
                result.Pearson, PearsonP = result.PearsonPValue, result.Spearman, SpearmanP = result.SpearmanPValue,
                result.OovRatioPercent,
            });
            if (!settings.Json)
            {
                io.Out.WriteLine(
                    $"{result.Name}: Spearman {result.Spearman:F4}  Pearson {result.Pearson:F4}  " +
                    $"({result.PairsUsed} pairs, {result.PairsOutOfVocabulary} out of vocabulary = {result.OovRatioPercent:F1}%)");
            }
        }

        object? analogies = null;
        if (settings.Analogies is { } questions)
        {
            var clock = Stopwatch.StartNew();
            AnalogyEvaluation result = vectors.EvaluateAnalogies(questions, new AnalogyEvaluationOptions
            {
                RestrictVocab = settings.Restrict,
                CaseInsensitive = !settings.CaseSensitive,
                Dummy4Unknown = settings.Dummy4Unknown,
                Method = settings.Method == "mul" ? AnalogyMethod.Multiply : AnalogyMethod.Add,
            });
            double seconds = clock.Elapsed.TotalSeconds;
            analogies = new
            {
                File = result.Name, Method = settings.Method, result.Total.Correct, result.Total.Incorrect, result.Accuracy,
                result.Questions, QuestionsOov = result.QuestionsOutOfVocabulary, result.OovRatioPercent, result.SkippedLines,
                Semantic = Section(result.Semantic), Syntactic = Section(result.Syntactic),
                Sections = result.Sections.Select(Section).ToArray(),
                Seconds = Math.Round(seconds, 3),
            };
            if (!settings.Json)
            {
                foreach (AnalogyEvaluationSection section in result.Sections)
                {
                    io.Out.WriteLine($"  {section.Name,-30} {100 * section.Accuracy,6:F1}%  ({section.Correct}/{section.Evaluated})");
                }

                io.Out.WriteLine(
                    $"{result.Name}: accuracy {result.Accuracy:F4} ({result.Total.Correct}/{result.Total.Evaluated}; semantic " +
                    $"{result.Semantic.Accuracy:F4}, syntactic {result.Syntactic.Accuracy:F4}); {result.QuestionsOutOfVocabulary} of " +
                    $"{result.Questions} questions out of vocabulary ({result.OovRatioPercent:F1}%); {seconds:F2} s");
            }
        }

        if (settings.Json)
        {
            io.WriteJson(new
            {
                settings.File, Words = vectors.Count, vectors.Dimensions, RestrictVocab = settings.Restrict,
                CaseInsensitive = !settings.CaseSensitive, Dummy4unknown = settings.Dummy4Unknown,
                Similarity = similarity, Analogies = analogies,
            });
        }

        return CliApp.Success;
    }

    private static object Section(AnalogyEvaluationSection section) =>
        new { Section = section.Name, section.Correct, section.Incorrect, section.Accuracy };
}
