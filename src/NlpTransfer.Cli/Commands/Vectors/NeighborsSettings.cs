using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands.Vectors;

/// <summary>Settings of <c>nlpt vectors neighbors &lt;file&gt; &lt;word&gt;... [--top 10]</c>.</summary>
internal sealed class NeighborsSettings : VectorQuerySettings
{
    [CommandArgument(1, "<word>")]
    [Description("One or more words (case-sensitive lookup).")]
    public string[] Words { get; init; } = [];

    [CommandOption("--top <N>")]
    [Description("Neighbours per word. Default 10.")]
    public int Top { get; init; } = 10;

    [CommandOption("--restrict <N>")]
    [Description("Search only the first N words of the file (usually the most frequent). Default: all.")]
    public int Restrict { get; init; }

    public override ValidationResult Validate()
    {
        ValidationResult common = base.Validate();
        if (!common.Successful)
        {
            return common;
        }

        if (Words.Length == 0)
        {
            return ValidationResult.Error("At least one <word> is required.");
        }

        if (Top <= 0)
        {
            return ValidationResult.Error($"--top: expected a positive number, found {Top}.");
        }

        return Restrict < 0 ? ValidationResult.Error($"--restrict: expected a positive number, found {Restrict}.") : ValidationResult.Success();
    }
}
