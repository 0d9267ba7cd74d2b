using System.Diagnostics;
using NlpTransfer.Cli.Infrastructure;
using NlpTransfer.Data;
using NlpTransfer.Heads;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands;

/// <summary><c>nlpt train</c>: encodes a labelled dataset (cached) and trains a classification head on it.</summary>
internal sealed class TrainCommand : Command<TrainSettings>
{
    public override int Execute(CommandContext context, TrainSettings settings, CancellationToken cancellationToken)
    {
        CliIO io = CliApp.IO;
        var clock = Stopwatch.StartNew();
        bool multiLabel = settings.Task == "multilabel";
        DatasetReadOptions readOptions = ReadOptions(settings);
        LabeledDataset trainData = TrainingFeatures.ReadDataset(settings.Train!, readOptions, io);
        if (trainData.Count == 0)
        {
            throw new UserInputException($"{settings.Train}: no labelled rows to train on.");
        }

        LabeledDataset? devData = settings.Dev is null ? null : TrainingFeatures.ReadDataset(settings.Dev, readOptions, io);
        LabelMap labels = LabelMap.Build(trainData);
        if (!multiLabel && labels.Count < 2)
        {
            throw new UserInputException($"{settings.Train}: every row has the label '{labels[0]}'; a classifier needs at least two classes.");
        }

        using TrainingFeatures.ResolvedEncoder encoder = TrainingFeatures.CreateEncoder(settings.Features);
        string? cache = settings.NoCache ? null : settings.CacheDir ?? TrainingFeatures.DefaultCacheDirectory();
        float[] trainFeatures = TrainingFeatures.Features(encoder.Encoder, trainData, cache, "train", io, cancellationToken, out bool trainCached);
        EncodedDataset train = EncodedDataset.Create(trainData, trainFeatures, encoder.Encoder.Dimensions, labels, multiLabel);
        EncodedDataset? dev = null;
        bool devCached = false;
        if (devData is not null && devData.Count > 0)
        {
            float[] devFeatures = TrainingFeatures.Features(encoder.Encoder, devData, cache, "dev", io, cancellationToken, out devCached);
            dev = EncodedDataset.Create(devData, devFeatures, encoder.Encoder.Dimensions, labels, multiLabel);
        }

        double featureSeconds = clock.Elapsed.TotalSeconds;
        TrainingOptions options = Options(settings, multiLabel, train.Count);
        io.Error.WriteLine(
            $"training a {(options.HiddenUnits > 0 ? $"{options.HiddenUnits}-unit MLP" : "linear")} {settings.Task} head on {train.Count} rows × {train.Dimensions} features, {labels.Count} classes ({settings.Optimizer})");
        var progress = new EpochLines(io, options.Optimizer == OptimizerKind.Lbfgs);
        ClassificationHead head = ClassificationHead.Train(train, dev, options, progress, cancellationToken,
            encoder.Encoder.Identity, encoder.Source);
        head.Save(settings.Output!);
        double trainingSeconds = clock.Elapsed.TotalSeconds - featureSeconds;
        TrainingSummary summary = head.Summary!;

        if (settings.Json)
        {
            io.WriteJson(new
            {
                Output = Path.GetFullPath(settings.Output!),
                Task = settings.Task,
                Encoder = new { Identity = encoder.Encoder.Identity, Source = encoder.Source, encoder.Encoder.Dimensions },
                Labels = labels.Labels,
                Train = new { File = settings.Train, Rows = train.Count, trainData.SkippedRows, FeaturesFromCache = trainCached },
                Dev = dev is null ? null : new { File = settings.Dev, Rows = dev.Count, devData!.SkippedRows, FeaturesFromCache = devCached },
                Options = options,
                summary.EpochsRun,
                summary.BestEpoch,
                summary.StoppedEarly,
                summary.FinalTrainLoss,
                DevMetrics = head.DevMetrics,
                Seconds = new { Features = featureSeconds, Training = trainingSeconds, PerEpoch = trainingSeconds / Math.Max(1, summary.EpochsRun) },
            });
        }
        else
        {
            io.Out.WriteLine($"head written to {settings.Output} ({labels.Count} classes, encoder {encoder.Source})");
            foreach ((string name, double value) in head.DevMetrics)
            {
                io.Out.WriteLine($"dev {name}: {TrainingFeatures.Format(value)}");
            }

            io.Out.WriteLine($"epochs: {summary.EpochsRun} (best {summary.BestEpoch}); training {trainingSeconds:0.00} s, features {featureSeconds:0.00} s");
        }

        return CliApp.Success;
    }

    internal static DatasetReadOptions ReadOptions(TrainSettings settings) => TrainingFeatures.ReadOptions(
        settings.Format, settings.TextColumn, settings.LabelColumn, settings.SkipBadRows, settings.LabelLevel, settings.LabelSeparator, settings.LabelNames);

    private static TrainingOptions Options(TrainSettings settings, bool multiLabel, int trainRows) => new()
    {
        Task = multiLabel ? HeadTask.MultiLabel : HeadTask.Classify,
        HiddenUnits = settings.Hidden,
        Dropout = settings.Dropout,
        Optimizer = settings.Optimizer == "lbfgs" ? OptimizerKind.Lbfgs : OptimizerKind.AdamW,
        Epochs = settings.Epochs,
        BatchSize = settings.BatchSize,
        LearningRate = settings.LearningRate,
        WeightDecay = settings.WeightDecay,
        L2 = settings.InverseStrength is double c ? (float)(1.0 / (c * trainRows)) : settings.L2 ?? 0f,
        ClassWeighting = settings.ClassWeights == "balanced" ? ClassWeighting.Balanced : ClassWeighting.None,
        Patience = settings.Patience,
        Seed = settings.Seed,
        MaxIterations = settings.MaxIterations,
    };

    /// <summary>One stderr line per epoch (every 10th iteration for L-BFGS), synchronously.</summary>
    private sealed class EpochLines(CliIO io, bool lbfgs) : IProgress<EpochMetrics>
    {
        public void Report(EpochMetrics value)
        {
            if (lbfgs && value.DevMetric is null && value.Epoch % 10 != 0)
            {
                return;
            }

            string dev = value.DevMetric is double d ? $"  dev {value.DevMetricName} {TrainingFeatures.Format(d)}{(value.IsBest ? " *" : string.Empty)}" : string.Empty;
            io.Error.WriteLine($"{(lbfgs ? "iteration" : "epoch")} {value.Epoch}/{value.MaxEpochs}  loss {value.TrainLoss:0.00000}{dev}  {value.Elapsed.TotalSeconds:0.00} s");
        }
    }
}
