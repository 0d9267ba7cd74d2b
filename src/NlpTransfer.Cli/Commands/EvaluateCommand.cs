using NlpTransfer.Cli.Infrastructure;
using NlpTransfer.Data;
using NlpTransfer.Heads;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands;

/// <summary><c>nlpt evaluate</c>: scores a head on labelled test data (accuracy, F1, confusion matrix; multi-label metrics).</summary>
internal sealed class EvaluateCommand : Command<EvaluateSettings>
{
    public override int Execute(CommandContext context, EvaluateSettings settings, CancellationToken cancellationToken)
    {
        CliIO io = CliApp.IO;
        ClassificationHead head = ClassificationHead.Load(settings.Head);
        DatasetReadOptions readOptions = TrainingFeatures.ReadOptions(settings.Format, settings.TextColumn, settings.LabelColumn,
            settings.SkipBadRows, settings.LabelLevel, settings.LabelSeparator, settings.LabelNames);
        LabeledDataset data = TrainingFeatures.ReadDataset(settings.Test!, readOptions, io);
        if (data.Count == 0)
        {
            throw new UserInputException($"{settings.Test}: no labelled rows to evaluate on.");
        }

        using TrainingFeatures.ResolvedEncoder encoder = TrainingFeatures.CreateEncoderFor(head, settings.Features, settings.Head);
        string? cache = settings.NoCache ? null : settings.CacheDir ?? TrainingFeatures.DefaultCacheDirectory();
        float[] features = TrainingFeatures.Features(encoder.Encoder, data, cache, "test", io, cancellationToken, out _);
        bool multiLabel = head.Task == HeadTask.MultiLabel;
        EncodedDataset test = EncodedDataset.Create(data, features, encoder.Encoder.Dimensions, head.Labels, multiLabel);
        if (multiLabel)
        {
            MultiLabelMetrics m = head.EvaluateMultiLabel(test);
            if (settings.Json)
            {
                io.WriteJson(new
                {
                    Head = settings.Head, Test = settings.Test, Task = "multilabel", Rows = m.Count, data.SkippedRows,
                    m.ExampleF1, m.HammingLoss, m.MicroF1, m.MacroF1, m.SubsetAccuracy, PerClass = m.PerClass,
                });
            }
            else
            {
                io.Out.WriteLine($"{settings.Test}: {m.Count} rows");
                io.Out.WriteLine($"example-based F1 {TrainingFeatures.Format(m.ExampleF1)}  Hamming loss {TrainingFeatures.Format(m.HammingLoss)}  micro F1 {TrainingFeatures.Format(m.MicroF1)}  macro F1 {TrainingFeatures.Format(m.MacroF1)}  subset accuracy {TrainingFeatures.Format(m.SubsetAccuracy)}");
                WritePerClass(io, m.PerClass);
            }

            return CliApp.Success;
        }

        ClassificationMetrics metrics = head.Evaluate(test);
        if (settings.Json)
        {
            io.WriteJson(new
            {
                Head = settings.Head, Test = settings.Test, Task = "classify", Rows = metrics.Count, data.SkippedRows,
                metrics.Accuracy, metrics.MacroF1, metrics.MicroF1, PerClass = metrics.PerClass,
                Labels = head.Labels.Labels, ConfusionMatrix = metrics.ConfusionMatrix,
            });
        }
        else
        {
            io.Out.WriteLine($"{settings.Test}: {metrics.Count} rows");
            io.Out.WriteLine($"accuracy {TrainingFeatures.Format(metrics.Accuracy)}  macro F1 {TrainingFeatures.Format(metrics.MacroF1)}  micro F1 {TrainingFeatures.Format(metrics.MicroF1)}");
            WritePerClass(io, metrics.PerClass);
            io.Out.WriteLine("confusion matrix (rows gold, columns predicted, label order as above):");
            foreach (IReadOnlyList<int> row in metrics.ConfusionMatrix)
            {
                io.Out.WriteLine("  " + string.Join(' ', row.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(6))));
            }
        }

        return CliApp.Success;
    }

    private static void WritePerClass(CliIO io, IReadOnlyList<ClassMetrics> perClass)
    {
        io.Out.WriteLine($"  {"label",-20} {"precision",9} {"recall",9} {"f1",9} {"support",8}");
        foreach (ClassMetrics c in perClass)
        {
            io.Out.WriteLine($"  {c.Label,-20} {TrainingFeatures.Format(c.Precision),9} {TrainingFeatures.Format(c.Recall),9} {TrainingFeatures.Format(c.F1),9} {c.Support,8}");
        }
    }
}
