using NlpTransfer.Cli.Infrastructure;
using NlpTransfer.Embeddings;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands.Vectors;

/// <summary><c>nlpt vectors info &lt;file&gt;</c>: the detected format, size, subword model and load time of a vector file.</summary>
internal sealed class InfoCommand : Command<InfoSettings>
{
    public override int Execute(CommandContext context, InfoSettings settings, CancellationToken cancellationToken)
    {
        VectorFileLoader.TryParseFormat(settings.Format, out var format);
        using var vectors = VectorFileLoader.Load(settings.File, format, WordVectorLoadOptions.Default, out var elapsed);
        var report = vectors.LoadReport;
        var info = new InfoResult(
            settings.File,
            VectorFileLoader.FormatName(vectors.Source.Format),
            vectors.Count,
            vectors.Dimensions,
            vectors.Subwords is not null,
            vectors.Subwords?.MinN,
            vectors.Subwords?.MaxN,
            vectors.Subwords?.BucketCount,
            Math.Round(elapsed.TotalMilliseconds, 1),
            report?.DeclaredCount,
            report?.DuplicateCount ?? 0,
            report?.Duplicates.Select(d => d.Key).ToArray() ?? [],
            vectors.Keys.Take(5).ToArray());

        var io = CliApp.IO;
        if (settings.Json)
        {
            io.WriteJson(info);
            return CliApp.Success;
        }

        io.Out.WriteLine($"file           {info.File}");
        io.Out.WriteLine($"format         {info.Format}");
        io.Out.WriteLine($"words          {info.Count}");
        io.Out.WriteLine($"dimensions     {info.Dimensions}");
        io.Out.WriteLine(info.Subwords
            ? $"subwords       yes (minn {info.Minn}, maxn {info.Maxn}, buckets {info.Buckets})"
            : "subwords       no");
        if (info.Duplicates > 0)
        {
            io.Out.WriteLine($"duplicates     {info.Duplicates} dropped (first wins): {string.Join(", ", info.DuplicateKeys)}");
        }

        io.Out.WriteLine($"first words    {string.Join(" ", info.FirstWords)}");
        io.Out.WriteLine($"load time      {info.LoadMs} ms");
        return CliApp.Success;
    }

    /// <summary>The --json object.</summary>
    internal sealed record InfoResult(
        string File, string Format, int Count, int Dimensions, bool Subwords, int? Minn, int? Maxn, int? Buckets,
        double LoadMs, long? DeclaredCount, int Duplicates, string[] DuplicateKeys, string[] FirstWords);
}
