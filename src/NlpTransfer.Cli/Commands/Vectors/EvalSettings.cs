using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands.Vectors;

/// <summary>
/// Settings of <c>nlpt vectors eval &lt;file&gt; [--similarity &lt;pairs&gt;]... [--analogies &lt;questions&gt;] [--restrict N]</c>;
/// the defaults are gensim's (restrict 300,000, case-insensitive, out-of-vocabulary items skipped).
/// </summary>
internal sealed class EvalSettings : VectorQuerySettings
{
    [CommandOption("--similarity <PAIRS>")]
    [Description("A word-pair file 'word1<TAB>word2<TAB>score' ('#' comments), e.g. WordSim-353. Repeatable.")]
    public string[] Similarity { get; init; } = [];

    [CommandOption("--analogies <QUESTIONS>")]
    [Description("An analogy file in the questions-words format (': section' lines, then 'a b c d').")]
    public string? Analogies { get; init; }

    [CommandOption("--restrict <N>")]
    [Description("Only the first N words count as known, and answers come from them. Default 300000 (gensim).")]
    public int Restrict { get; init; } = 300_000;

    [CommandOption("--case-sensitive")]
    [Description("Compare words as written (gensim's default upper-cases both sides).")]
    public bool CaseSensitive { get; init; }

    [CommandOption("--dummy4unknown")]
    [Description("Score out-of-vocabulary pairs as 0 and count out-of-vocabulary questions as wrong, instead of skipping them.")]
    public bool Dummy4Unknown { get; init; }

    [CommandOption("--method <METHOD>")]
    [Description("Analogy method: add (3CosAdd, default, as gensim) or mul (3CosMul).")]
    public string Method { get; init; } = "add";

    [CommandOption("--delimiter <DELIMITER>")]
    [Description("Word-pair column separator: tab (default, as gensim) or whitespace.")]
    public string Delimiter { get; init; } = "tab";

    public override ValidationResult Validate()
    {
        ValidationResult common = base.Validate();
        if (!common.Successful)
        {
            return common;
        }

        if (Similarity.Length == 0 && string.IsNullOrEmpty(Analogies))
        {
            return ValidationResult.Error("Nothing to evaluate: give --similarity <pairs> (repeatable) and/or --analogies <questions>.");
        }

        if (Restrict <= 0)
        {
            return ValidationResult.Error($"--restrict: expected a positive number, found {Restrict}.");
        }

        if (Method is not ("add" or "mul"))
        {
            return ValidationResult.Error($"--method: expected add or mul, found '{Method}'.");
        }

        return Delimiter is "tab" or "whitespace"
            ? ValidationResult.Success()
            : ValidationResult.Error($"--delimiter: expected tab or whitespace, found '{Delimiter}'.");
    }
}
