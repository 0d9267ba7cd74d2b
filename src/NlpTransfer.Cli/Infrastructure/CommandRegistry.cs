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
            vectors.AddCommand<Commands.Vectors.NeighborsCommand>("neighbors")
                .WithDescription("Nearest words by cosine of each given word.");
            vectors.AddCommand<Commands.Vectors.AnalogyCommand>("analogy")
                .WithDescription("a is to b as c is to ? (3CosAdd or 3CosMul).");
            vectors.AddCommand<Commands.Vectors.EvalCommand>("eval")
                .WithDescription("Word-pair similarity and analogy accuracy, as gensim computes them.");
        });
    }
}
