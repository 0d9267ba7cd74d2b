using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands;

/// <summary>Settings of <c>nlpt bli</c>.</summary>
internal sealed class BliSettings : CrossLingualVectorSettings
{
    [CommandOption("--map <MAP>")]
    [Description("A map file written by nlpt align. Without it the spaces are compared as they are.")]
    public string? Map { get; init; }

    [CommandOption("--inverse")]
    [Description("Use the map backwards (target → source, Wᵀ): --source is then the map's target language.")]
    public bool Inverse { get; init; }

    [CommandOption("--dictionary <PAIRS>")]
    [Description("Test dictionary, MUSE format. A source word is correct if any of its translations is retrieved.")]
    public string? Dictionary { get; init; }

    [CommandOption("--retrieval <METHOD>")]
    [Description("nn (cosine) or csls. Default csls.")]
    public string Retrieval { get; init; } = "csls";

    [CommandOption("--predictions")]
    [Description("Also list every evaluated word with its top 10 candidates.")]
    public bool Predictions { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrEmpty(Source) || string.IsNullOrEmpty(Target) || string.IsNullOrEmpty(Dictionary))
        {
            return ValidationResult.Error("--source, --target and --dictionary are required.");
        }

        if (Inverse && string.IsNullOrEmpty(Map))
        {
            return ValidationResult.Error("--inverse needs --map.");
        }

        if (Retrieval is not ("nn" or "csls"))
        {
            return ValidationResult.Error($"--retrieval must be nn or csls, not '{Retrieval}'.");
        }

        return CslsK <= 0 || MaxWords is <= 0
            ? ValidationResult.Error("--csls-k and --max-words must be positive.")
            : ValidationResult.Success();
    }
}
