using System.Diagnostics;
using NlpTransfer.Cli.Infrastructure;
using NlpTransfer.Embeddings;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands.Vectors;

/// <summary><c>nlpt vectors convert &lt;in&gt; &lt;out.ntv&gt;</c>: writes the native memory-mapped format from any supported format.</summary>
internal sealed class ConvertCommand : Command<ConvertSettings>
{
    public override int Execute(CommandContext context, ConvertSettings settings, CancellationToken cancellationToken)
    {
        VectorFileLoader.TryParseFormat(settings.Format, out var format);
        var options = new WordVectorLoadOptions { MaxWords = settings.MaxWords };
        using var vectors = VectorFileLoader.Load(settings.Input, format, options, out var loadTime);
        var clock = Stopwatch.StartNew();
        vectors.SaveNative(settings.Output);
        var result = new ConvertResult(
            settings.Input,
            VectorFileLoader.FormatName(vectors.Source.Format),
            settings.Output,
            vectors.Count,
            vectors.Dimensions,
            new FileInfo(settings.Output).Length,
            vectors.Subwords is not null,
            Math.Round(loadTime.TotalMilliseconds, 1),
            Math.Round(clock.Elapsed.TotalMilliseconds, 1));

        var io = CliApp.IO;
        if (settings.Json)
        {
            io.WriteJson(result);
            return CliApp.Success;
        }

        io.Out.WriteLine($"{result.Output}: {result.Count} words × {result.Dimensions} from {result.InputFormat} " +
            $"(read {result.LoadMs} ms, written {result.WriteMs} ms, {result.Bytes} bytes)");
        if (result.SubwordsDropped)
        {
            io.Error.WriteLine("nlpt: note: the fastText subword model is not stored in .ntv; unknown words need the .bin");
        }

        return CliApp.Success;
    }

    /// <summary>The --json object.</summary>
    internal sealed record ConvertResult(
        string Input, string InputFormat, string Output, int Count, int Dimensions, long Bytes, bool SubwordsDropped,
        double LoadMs, double WriteMs);
}
