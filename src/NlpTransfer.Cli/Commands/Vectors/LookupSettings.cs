using System.ComponentModel;
using NlpTransfer.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands.Vectors;

/// <summary>Settings of <c>nlpt vectors lookup</c>.</summary>
internal sealed class LookupSettings : JsonSettings
{
    [CommandArgument(0, "<file>")]
    [Description("The vector file (any supported format; a fastText .bin also gives vectors for unknown words).")]
    public string File { get; init; } = "";

    [CommandArgument(1, "<words>")]
    [Description("One or more words (case-sensitive).")]
    public string[] Words { get; init; } = [];

    [CommandOption("--format <FORMAT>")]
    [Description("auto (default), word2vec, word2vec-binary, glove, fasttext-bin or native.")]
    public string Format { get; init; } = "auto";

    public override ValidationResult Validate()
    {
        if (!VectorFileLoader.TryParseFormat(Format, out _))
        {
            return ValidationResult.Error($"--format must be one of {VectorFileLoader.FormatNames}, was '{Format}'");
        }

        return Words.Length == 0 ? ValidationResult.Error("give at least one word to look up") : ValidationResult.Success();
    }
}
