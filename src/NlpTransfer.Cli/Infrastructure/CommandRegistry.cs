using NlpTransfer.Cli.Commands.Embed;
using NlpTransfer.Cli.Commands;
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
            vectors.AddCommand<Commands.Vectors.InfoCommand>("info")
                .WithDescription("Detected format, word count, dimensions, subwords and load time of a vector file.");
            vectors.AddCommand<Commands.Vectors.ConvertCommand>("convert")
                .WithDescription("Write the native memory-mapped .ntv format from any supported format.");
            vectors.AddCommand<Commands.Vectors.LookupCommand>("lookup")
                .WithDescription("Whether words are in the vocabulary, whether a vector can be made, and the vectors.");
            vectors.AddCommand<Commands.Vectors.NeighborsCommand>("neighbors")
                .WithDescription("Nearest words by cosine of each given word.");
            vectors.AddCommand<Commands.Vectors.AnalogyCommand>("analogy")
                .WithDescription("a is to b as c is to ? (3CosAdd or 3CosMul).");
            vectors.AddCommand<Commands.Vectors.EvalCommand>("eval")
                .WithDescription("Word-pair similarity and analogy accuracy, as gensim computes them.");
        });
        config.AddCommand<EmbedCommand>("embed")
            .WithDescription("Encode texts with an ONNX BERT encoder (default: the embedded all-MiniLM-L6-v2) and write the vectors.");
        config.AddCommand<TrainCommand>("train")
            .WithDescription("Train a classification head (softmax or multi-label) on encoder features of a labelled dataset.");
        config.AddCommand<EvaluateCommand>("evaluate")
            .WithDescription("Score a head on labelled test data: accuracy, F1, confusion matrix (multi-label: example F1, Hamming loss).");
        config.AddCommand<PredictCommand>("predict")
            .WithDescription("Label texts with a trained head (sentiment, topics, ...).");
        config.AddCommand<Commands.AlignCommand>("align")
            .WithDescription("Fit an orthogonal cross-lingual map (Procrustes, optional CSLS refinement) and write a map file.");
        config.AddCommand<Commands.BliCommand>("bli")
            .WithDescription("Bilingual lexicon induction: P@1/5/10 of a map on a test dictionary (nn or csls retrieval).");
    }
}
