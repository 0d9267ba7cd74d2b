using NlpTransfer.Cli.Commands.Embed;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Infrastructure;

/// <summary>Every verb of nlpt, one command class each (DESIGN.md, "The command-line contract").</summary>
internal static class CommandRegistry
{
    public static void Register(IConfigurator config)
    {
        // The "vectors" branch is added with its first command: Spectre refuses to run any verb while a branch is empty.
        config.AddCommand<EmbedCommand>("embed")
            .WithDescription("Encode texts with an ONNX BERT encoder (default: the embedded all-MiniLM-L6-v2) and write the vectors.");
    }
}
