using System.ComponentModel;
using NlpTransfer.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands;

/// <summary>Settings of <c>nlpt predict</c>.</summary>
internal sealed class PredictSettings : JsonSettings
{
    [CommandArgument(0, "<HEAD>")]
    [Description("A head file written by nlpt train (e.g. vocab/heads/sentiment-sst2-minilm.head.json).")]
    public string Head { get; init; } = string.Empty;

    [CommandArgument(1, "[TEXTS]")]
    [Description("Texts to classify.")]
    public string[] Texts { get; init; } = [];

    [CommandOption("--input <FILE>")]
    [Description("Read texts from a file, one per line (blank lines skipped).")]
    public string? Input { get; init; }

    [CommandOption("--features <SPEC>")]
    [Description("Override the encoder recorded in the head (it must be the same encoder).")]
    public string? Features { get; init; }

    public override ValidationResult Validate() =>
        Texts.Length == 0 && string.IsNullOrEmpty(Input)
            ? ValidationResult.Error("Give texts to classify, or --input <file>.")
            : ValidationResult.Success();
}
