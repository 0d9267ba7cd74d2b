using NlpTransfer.Cli.Infrastructure;
using NlpTransfer.Data;
using NlpTransfer.Heads;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands;

/// <summary><c>nlpt predict</c>: labels texts with a trained head, rebuilding the encoder the head records.</summary>
internal sealed class PredictCommand : Command<PredictSettings>
{
    public override int Execute(CommandContext context, PredictSettings settings, CancellationToken cancellationToken)
    {
        CliIO io = CliApp.IO;
        ClassificationHead head = ClassificationHead.Load(settings.Head);
        var texts = new List<string>(settings.Texts);
        if (settings.Input is not null)
        {
            if (!File.Exists(settings.Input))
            {
                throw new UserInputException($"Input file {settings.Input} not found.");
            }

            foreach (string line in ReadLines(settings.Input))
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    texts.Add(line);
                }
            }
        }

        using TrainingFeatures.ResolvedEncoder encoder = TrainingFeatures.CreateEncoderFor(head, settings.Features, settings.Head);
        float[] features = FeatureCache.EncodeAll(encoder.Encoder, texts, null, cancellationToken);
        int classes = head.Labels.Count;
        var probabilities = new float[texts.Count * classes];
        head.PredictProbabilities(features, probabilities);
        bool multiLabel = head.Task == HeadTask.MultiLabel;
        var predictions = new List<object>(texts.Count);
        for (int i = 0; i < texts.Count; i++)
        {
            ReadOnlySpan<float> row = probabilities.AsSpan(i * classes, classes);
            var all = new Dictionary<string, double>(classes, StringComparer.Ordinal);
            for (int c = 0; c < classes; c++)
            {
                all[head.Labels[c]] = Math.Round(row[c], 6);
            }

            if (multiLabel)
            {
                var chosen = new List<string>();
                for (int c = 0; c < classes; c++)
                {
                    if (row[c] >= head.Thresholds[c])
                    {
                        chosen.Add(head.Labels[c]);
                    }
                }

                predictions.Add(new { Text = texts[i], Labels = chosen, Probabilities = all });
                if (!settings.Json)
                {
                    io.Out.WriteLine($"{string.Join(',', chosen),-20}\t{texts[i]}");
                }
            }
            else
            {
                int best = System.Numerics.Tensors.TensorPrimitives.IndexOfMax(row);
                predictions.Add(new { Text = texts[i], Label = head.Labels[best], Probability = Math.Round(row[best], 6), Probabilities = all });
                if (!settings.Json)
                {
                    io.Out.WriteLine($"{head.Labels[best]}\t{TrainingFeatures.Format(row[best])}\t{texts[i]}");
                }
            }
        }

        if (settings.Json)
        {
            io.WriteJson(new { Head = settings.Head, Encoder = head.EncoderSource, Task = multiLabel ? "multilabel" : "classify", Predictions = predictions });
        }

        return CliApp.Success;
    }

    /// <summary>Lines split on \n only, so U+0085 and U+2028 inside a line do not split it.</summary>
    private static IEnumerable<string> ReadLines(string path)
    {
        string content = File.ReadAllText(path);
        foreach (string line in content.Split('\n'))
        {
            yield return line.TrimEnd('\r');
        }
    }
}
