using System.ComponentModel;
using NlpTransfer.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands.Vectors;

/// <summary>Settings of <c>nlpt vectors info</c>.</summary>
internal sealed class InfoSettings : JsonSettings
{
    [CommandArgument(0, "<file>")]
    [Description("The vector file: word2vec text or binary, GloVe, fastText .vec or .bin, or native .ntv.")]
    public string File { get; init; } = "";

    [CommandOption("--format <FORMAT>")]
    [Description("auto (default: detect from content), word2vec, word2vec-binary, glove, fasttext-bin or native.")]
    public string Format { get; init; } = "auto";

    public override ValidationResult Validate() =>
        VectorFileLoader.TryParseFormat(Format, out _)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--format must be one of {VectorFileLoader.FormatNames}, was '{Format}'");
}
