using System.ComponentModel;
using NlpTransfer.Alignment;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands;

/// <summary>Settings of <c>nlpt align</c>.</summary>
internal sealed class AlignSettings : CrossLingualVectorSettings
{
    [CommandOption("--dictionary <PAIRS>")]
    [Description("Seed dictionary, MUSE format: 'source target' per line (space or tab).")]
    public string? Dictionary { get; init; }

    [CommandOption("--normalize <STEPS>")]
    [Description("Normalisation steps in order, comma-separated: unit, center (e.g. unit,center,unit). Default none.")]
    public string Normalize { get; init; } = "none";

    [CommandOption("--refine <N>")]
    [Description("Refinement iterations (mutual CSLS nearest neighbours, re-solve). Default 0.")]
    public int Refine { get; init; }

    [CommandOption("--refine-vocabulary <N>")]
    [Description("Refinement uses the first N words of each vocabulary. Default 10000.")]
    public int RefineVocabulary { get; init; } = 10_000;

    [CommandOption("--output <MAP>")]
    [Description("Where to write the map file (JSON, written through a temporary file).")]
    public string? Output { get; init; }

    /// <summary>The parsed normalisation steps (valid after <see cref="Validate"/>).</summary>
    public IReadOnlyList<NormalizationStep> Steps => EmbeddingNormalizer.ParseSteps(Normalize);

    public override ValidationResult Validate()
    {
        if (string.IsNullOrEmpty(Source) || string.IsNullOrEmpty(Target) || string.IsNullOrEmpty(Dictionary) || string.IsNullOrEmpty(Output))
        {
            return ValidationResult.Error("--source, --target, --dictionary and --output are required.");
        }

        if (Refine < 0 || RefineVocabulary <= 0 || CslsK <= 0 || MaxWords is <= 0)
        {
            return ValidationResult.Error("--refine must be 0 or more; --refine-vocabulary, --csls-k and --max-words must be positive.");
        }

        try
        {
            _ = Steps;
        }
        catch (ArgumentException e)
        {
            return ValidationResult.Error($"--normalize: {e.Message}");
        }

        return ValidationResult.Success();
    }
}
