using System.ComponentModel;
using NlpTransfer.Cli.Infrastructure;
using NlpTransfer.Encoders;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands.Embed;

/// <summary>Settings of <c>nlpt embed</c>.</summary>
internal sealed class EmbedSettings : JsonSettings
{
    [CommandOption("--input <FILE>")]
    [Description("Texts: one per line (.txt or any other extension), JSON lines (.jsonl, a text field) or TSV with a header (.tsv).")]
    public string Input { get; init; } = string.Empty;

    [CommandOption("--output <FILE>")]
    [Description("Vectors: .jsonl (one {\"index\", \"vector\"} per line), .npy (float32 N×D, NumPy) or .f32 (header + raw float32, see docs/encoders.md).")]
    public string Output { get; init; } = string.Empty;

    [CommandOption("--model <ONNX>")]
    [Description("A BERT-family ONNX model (with --vocab). Default: the embedded all-MiniLM-L6-v2.")]
    public string? Model { get; init; }

    [CommandOption("--vocab <TXT>")]
    [Description("The model's WordPiece vocab.txt (with --model).")]
    public string? Vocab { get; init; }

    [CommandOption("--pooling <MODE>")]
    [Description("mean (default), cls or max.")]
    public string Pooling { get; init; } = "mean";

    [CommandOption("--normalize")]
    [Description("Scale every vector to unit length (the default).")]
    public bool Normalize { get; init; }

    [CommandOption("--no-normalize")]
    [Description("Keep the pooled vectors as they are.")]
    public bool NoNormalize { get; init; }

    [CommandOption("--max-length <N>")]
    [Description("Most tokens per sequence, [CLS] and [SEP] included. Default: 256 for the embedded model, else 512.")]
    public int? MaxLength { get; init; }

    [CommandOption("--windows")]
    [Description("Average overlapping windows over long texts instead of truncating them.")]
    public bool Windows { get; init; }

    [CommandOption("--batch-size <N>")]
    [Description("Sequences per model run (default 32).")]
    public int BatchSize { get; init; } = 32;

    [CommandOption("--text-column <NAME>")]
    [Description("The text field of .jsonl or column of .tsv input (default text).")]
    public string TextColumn { get; init; } = "text";

    public PoolingMode PoolingMode => Pooling.ToLowerInvariant() switch
    {
        "cls" => PoolingMode.Cls,
        "max" => PoolingMode.Max,
        _ => PoolingMode.Mean,
    };

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Input) || string.IsNullOrWhiteSpace(Output))
        {
            return ValidationResult.Error("--input and --output are required");
        }

        if ((Model is null) != (Vocab is null))
        {
            return ValidationResult.Error("--model and --vocab go together: give both, or neither for the embedded model");
        }

        if (Pooling.ToLowerInvariant() is not ("mean" or "cls" or "max"))
        {
            return ValidationResult.Error($"--pooling must be mean, cls or max, not '{Pooling}'");
        }

        if (Normalize && NoNormalize)
        {
            return ValidationResult.Error("--normalize and --no-normalize contradict each other");
        }

        if (BatchSize <= 0 || MaxLength is <= 2)
        {
            return ValidationResult.Error("--batch-size must be positive and --max-length at least 3");
        }

        var extension = Path.GetExtension(Output).ToLowerInvariant();
        return extension is ".jsonl" or ".npy" or ".f32"
            ? ValidationResult.Success()
            : ValidationResult.Error($"--output must end in .jsonl, .npy or .f32, not '{extension}'");
    }
}
