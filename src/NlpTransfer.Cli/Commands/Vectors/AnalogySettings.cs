using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands.Vectors;

/// <summary>Settings of <c>nlpt vectors analogy &lt;file&gt; &lt;a&gt; &lt;b&gt; &lt;c&gt; [--method add|mul] [--top 5]</c>.</summary>
internal sealed class AnalogySettings : VectorQuerySettings
{
    [CommandArgument(1, "<a>")]
    [Description("a in \"a is to b as c is to ?\".")]
    public string A { get; init; } = "";

    [CommandArgument(2, "<b>")]
    [Description("b in \"a is to b as c is to ?\".")]
    public string B { get; init; } = "";

    [CommandArgument(3, "<c>")]
    [Description("c in \"a is to b as c is to ?\".")]
    public string C { get; init; } = "";

    [CommandOption("--method <METHOD>")]
    [Description("add (3CosAdd, default) or mul (3CosMul, Levy & Goldberg 2014).")]
    public string Method { get; init; } = "add";

    [CommandOption("--top <N>")]
    [Description("Answers to list. Default 5.")]
    public int Top { get; init; } = 5;

    [CommandOption("--restrict <N>")]
    [Description("Search only the first N words of the file. Default: all.")]
    public int Restrict { get; init; }

    public override ValidationResult Validate()
    {
        ValidationResult common = base.Validate();
        if (!common.Successful)
        {
            return common;
        }

        if (Method is not ("add" or "mul"))
        {
            return ValidationResult.Error($"--method: expected add or mul, found '{Method}'.");
        }

        if (Top <= 0)
        {
            return ValidationResult.Error($"--top: expected a positive number, found {Top}.");
        }

        return Restrict < 0 ? ValidationResult.Error($"--restrict: expected a positive number, found {Restrict}.") : ValidationResult.Success();
    }
}
