using System.Diagnostics;
using NlpTransfer.Cli.Infrastructure;
using NlpTransfer.Embeddings;
using Spectre.Console;

namespace NlpTransfer.Cli.Commands.Vectors;

/// <summary>
/// Loads a vector file for any <c>nlpt vectors</c> verb: parses the <c>--format</c> names of DESIGN.md and shows a
/// progress bar on stderr while a large file loads.
/// </summary>
internal static class VectorFileLoader
{
    /// <summary>The <c>--format</c> names, as DESIGN.md spells them.</summary>
    public const string FormatNames = "auto|word2vec|word2vec-binary|glove|fasttext-bin|native";

    /// <summary>Files smaller than this load too fast for a progress bar to help.</summary>
    private const long ProgressThresholdBytes = 16 << 20;

    public static bool TryParseFormat(string? name, out WordVectorFormat format)
    {
        format = (name ?? "auto").ToLowerInvariant() switch
        {
            "auto" => WordVectorFormat.Auto,
            "word2vec" or "word2vec-text" or "vec" => WordVectorFormat.Word2VecText,
            "word2vec-binary" => WordVectorFormat.Word2VecBinary,
            "glove" => WordVectorFormat.GloVe,
            "fasttext-bin" or "fasttext" => WordVectorFormat.FastTextBinary,
            "native" or "ntv" => WordVectorFormat.Native,
            _ => (WordVectorFormat)(-1),
        };
        return format >= 0;
    }

    /// <summary>The DESIGN.md name of <paramref name="format"/>.</summary>
    public static string FormatName(WordVectorFormat format) => format switch
    {
        WordVectorFormat.Word2VecText => "word2vec",
        WordVectorFormat.Word2VecBinary => "word2vec-binary",
        WordVectorFormat.GloVe => "glove",
        WordVectorFormat.FastTextBinary => "fasttext-bin",
        WordVectorFormat.Native => "native",
        _ => "auto",
    };

    /// <summary>Loads <paramref name="path"/>, drawing a progress bar on stderr for large files; returns the wall time too.</summary>
    public static WordVectors Load(string path, WordVectorFormat format, WordVectorLoadOptions options, out TimeSpan elapsed)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new UserInputException($"{path}: no such file");
        }

        var clock = Stopwatch.StartNew();
        WordVectors? vectors = null;
        if (File.Exists(path) && new FileInfo(path).Length >= ProgressThresholdBytes)
        {
            CliApp.IO.ErrorConsole.Progress()
                .AutoClear(true)
                .HideCompleted(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask($"loading {Path.GetFileName(path)}", maxValue: 1.0);
                    var progress = new TaskProgress(task);
                    vectors = WordVectors.Load(path, format, options with { Progress = progress });
                    task.Value = 1.0;
                });
        }
        else
        {
            vectors = WordVectors.Load(path, format, options);
        }

        elapsed = clock.Elapsed;
        return vectors!;
    }

    /// <summary>Moves a Spectre progress task; Report may come from any worker thread.</summary>
    private sealed class TaskProgress(ProgressTask task) : IProgress<WordVectorLoadProgress>
    {
        private readonly Lock _lock = new();

        public void Report(WordVectorLoadProgress value)
        {
            lock (_lock)
            {
                task.Value = Math.Max(task.Value, value.Fraction);
            }
        }
    }
}
