using System.ComponentModel;
using NlpTransfer.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands.Vectors;

/// <summary>Settings of <c>nlpt vectors convert</c>.</summary>
internal sealed class ConvertSettings : JsonSettings
{
    [CommandArgument(0, "<in>")]
    [Description("The vector file to read (any supported format).")]
    public string Input { get; init; } = "";

    [CommandArgument(1, "<out.ntv>")]
    [Description("The native file to write (memory-mapped on load); written to a temporary file and renamed into place.")]
    public string Output { get; init; } = "";

    [CommandOption("--max-words <N>")]
    [Description("Keep only the first N words (the most frequent, in most files).")]
    public int? MaxWords { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("Format of <in>: auto (default), word2vec, word2vec-binary, glove, fasttext-bin or native.")]
    public string Format { get; init; } = "auto";

    public override ValidationResult Validate()
    {
        if (!VectorFileLoader.TryParseFormat(Format, out _))
        {
            return ValidationResult.Error($"--format must be one of {VectorFileLoader.FormatNames}, was '{Format}'");
        }

        return MaxWords is <= 0
            ? ValidationResult.Error($"--max-words must be a positive number, was {MaxWords}")
            : ValidationResult.Success();
    }
}
