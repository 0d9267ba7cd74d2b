using System.Diagnostics;
using NlpTransfer.Cli.Infrastructure;
using NlpTransfer.Encoders;
using NlpTransfer.Models.MiniLM;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands.Embed;

/// <summary><c>nlpt embed</c>: encodes every text of a file with an ONNX BERT encoder and writes the vectors.</summary>
internal sealed class EmbedCommand : Command<EmbedSettings>
{
    private const int Chunk = 1024;

    public override int Execute(CommandContext context, EmbedSettings settings, CancellationToken cancellationToken)
    {
        var io = CliApp.IO;
        if (!File.Exists(settings.Input))
        {
            throw new UserInputException($"{settings.Input}: input file not found");
        }

        var options = new OnnxEncoderOptions
        {
            Pooling = settings.PoolingMode,
            Normalize = !settings.NoNormalize,
            MaxSequenceLength = settings.MaxLength,
            LongText = settings.Windows ? LongTextStrategy.AverageWindows : LongTextStrategy.Truncate,
            BatchSize = settings.BatchSize,
        };
        var watch = Stopwatch.StartNew();
        using var encoder = settings.Model is null
            ? MiniLmEncoder.Create(options)
            : OnnxBertEncoder.Create(settings.Model, settings.Vocab!, options with { ModelName = Path.GetFileNameWithoutExtension(settings.Model) });
        var loadSeconds = watch.Elapsed.TotalSeconds;

        var reader = TextFileReader.Open(settings.Input, settings.TextColumn);
        var total = reader.CountTexts();
        long tokens = 0;
        var written = 0;
        watch.Restart();
        using (var writer = VectorFileWriter.Create(settings.Output, encoder.Dimensions, encoder.Identity))
        {
            var vectors = new float[Chunk * encoder.Dimensions];
            var batch = new List<string>(Chunk);
            io.ErrorConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(progress =>
                {
                    var task = progress.AddTask("embedding", maxValue: Math.Max(1, total));
                    foreach (var text in reader.ReadTexts())
                    {
                        batch.Add(text);
                        if (batch.Count == Chunk)
                        {
                            Flush();
                        }
                    }

                    Flush();

                    void Flush()
                    {
                        if (batch.Count == 0)
                        {
                            return;
                        }

                        cancellationToken.ThrowIfCancellationRequested();
                        var span = vectors.AsSpan(0, batch.Count * encoder.Dimensions);
                        encoder.Encode(batch, span);
                        foreach (var text in batch)
                        {
                            tokens += encoder.CountTokens(text);
                        }

                        writer.Write(span, batch.Count);
                        written += batch.Count;
                        task.Increment(batch.Count);
                        batch.Clear();
                    }
                });
            writer.Complete();
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var report = new EmbedReport(
            settings.Input, settings.Output, written, encoder.Dimensions, encoder.Identity, tokens,
            Math.Round(loadSeconds, 3), Math.Round(seconds, 3), Math.Round(written / Math.Max(seconds, 1e-9), 1));
        if (settings.Json)
        {
            io.WriteJson(report);
        }
        else
        {
            io.Out.WriteLine($"{written} texts → {settings.Output} ({encoder.Dimensions} dimensions, {encoder.Identity}) in {seconds:F1} s, {report.TextsPerSecond} texts/s");
        }

        return CliApp.Success;
    }

    private sealed record EmbedReport(
        string Input, string Output, int Texts, int Dimensions, string Encoder, long Tokens,
        double LoadSeconds, double Seconds, double TextsPerSecond);
}
