using NlpTransfer.Cli.Commands;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Infrastructure;

/// <summary>Every verb of nlpt, one command class each (DESIGN.md, "The command-line contract").</summary>
internal static class CommandRegistry
{
    public static void Register(IConfigurator config)
    {
        // The "vectors" branch is added with its first command: Spectre refuses to run any verb while a branch is empty.
        config.AddCommand<TrainCommand>("train")
            .WithDescription("Train a classification head (softmax or multi-label) on encoder features of a labelled dataset.");
        config.AddCommand<EvaluateCommand>("evaluate")
            .WithDescription("Score a head on labelled test data: accuracy, F1, confusion matrix (multi-label: example F1, Hamming loss).");
        config.AddCommand<PredictCommand>("predict")
            .WithDescription("Label texts with a trained head (sentiment, topics, ...).");
    }
}
