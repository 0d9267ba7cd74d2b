using NlpTransfer.Alignment;
using NlpTransfer.Cli.Infrastructure;
using NlpTransfer.Embeddings;

namespace NlpTransfer.Cli.Commands;

/// <summary>Loading shared by <c>nlpt align</c> and <c>nlpt bli</c>.</summary>
internal static class AlignmentCli
{
    public static WordVectors LoadVectors(string path, int? maxWords, CliIO io)
    {
        if (!File.Exists(path))
        {
            throw new UserInputException($"{path}: vector file not found.");
        }

        WordVectors vectors = WordVectors.Load(path, WordVectorFormat.Auto, new WordVectorLoadOptions { MaxWords = maxWords });
        io.Error.WriteLine($"{path}: {vectors.Count} words × {vectors.Dimensions} ({vectors.Source.Format})");
        return vectors;
    }

    public static BilingualDictionary LoadDictionary(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserInputException($"{path}: dictionary file not found.");
        }

        return BilingualDictionary.Load(path);
    }
}
