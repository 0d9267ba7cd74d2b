using System.ComponentModel;
using NlpTransfer.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands;

/// <summary>Settings of <c>nlpt evaluate</c>.</summary>
internal sealed class EvaluateSettings : JsonSettings
{
    [CommandArgument(0, "<HEAD>")]
    [Description("A head file written by nlpt train.")]
    public string Head { get; init; } = string.Empty;

    [CommandOption("--test <FILE>")]
    [Description("Labelled test data (same formats as train).")]
    public string? Test { get; init; }

    [CommandOption("--features <SPEC>")]
    [Description("Override the encoder recorded in the head (it must be the same encoder).")]
    public string? Features { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("auto, jsonl, csv, tsv, tsv-noheader, fasttext or label-text. Default auto.")]
    public string Format { get; init; } = "auto";

    [CommandOption("--text-column <NAME>")]
    [Description("Text column (name, or 0-based index for tsv-noheader). Default text.")]
    public string TextColumn { get; init; } = "text";

    [CommandOption("--label-column <NAME>")]
    [Description("Label column. Default label.")]
    public string LabelColumn { get; init; } = "label";

    [CommandOption("--label-level <LEVEL>")]
    [Description("full, coarse or coarse+full, as used when training. Default full.")]
    public string LabelLevel { get; init; } = "full";

    [CommandOption("--label-separator <CHAR>")]
    [Description("Split CSV/TSV label cells on this character.")]
    public string? LabelSeparator { get; init; }

    [CommandOption("--label-names <MAP>")]
    [Description("Rename labels while reading, e.g. 0=negative,1=positive (SST-2).")]
    public string? LabelNames { get; init; }

    [CommandOption("--skip-bad-rows")]
    [Description("Skip malformed rows instead of stopping.")]
    public bool SkipBadRows { get; init; }

    [CommandOption("--cache-dir <DIR>")]
    [Description("Feature cache folder (default as for train).")]
    public string? CacheDir { get; init; }

    [CommandOption("--no-cache")]
    [Description("Encode without the feature cache.")]
    public bool NoCache { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrEmpty(Test) ? ValidationResult.Error("--test <file> is required.")
        : LabelSeparator is { Length: not 1 } ? ValidationResult.Error("--label-separator must be one character.")
        : ValidationResult.Success();
}
