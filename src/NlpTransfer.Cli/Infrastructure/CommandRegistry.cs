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
    }
}
