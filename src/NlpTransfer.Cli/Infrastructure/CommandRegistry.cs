using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Infrastructure;

/// <summary>Every verb of nlpt, one command class each (DESIGN.md, "The command-line contract").</summary>
internal static class CommandRegistry
{
    public static void Register(IConfigurator config)
    {
        config.AddBranch("vectors", vectors =>
        {
            vectors.SetDescription("Load, convert, query and evaluate pretrained word vectors.");
        });
        config.AddCommand<Commands.AlignCommand>("align")
            .WithDescription("Fit an orthogonal cross-lingual map (Procrustes, optional CSLS refinement) and write a map file.");
        config.AddCommand<Commands.BliCommand>("bli")
            .WithDescription("Bilingual lexicon induction: P@1/5/10 of a map on a test dictionary (nn or csls retrieval).");
    }
}
