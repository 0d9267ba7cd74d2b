using System.ComponentModel;
using NlpTransfer.Cli.Infrastructure;
using NlpTransfer.Embeddings;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands.Vectors;

/// <summary>Settings shared by the query verbs (neighbors, analogy, eval): the vector file and how to read it.</summary>
internal abstract class VectorQuerySettings : JsonSettings
{
    [CommandArgument(0, "<file>")]
    [Description("Word-vector file: word2vec text/binary, GloVe, fastText .vec/.bin or .ntv.")]
    public string File { get; init; } = "";

    [CommandOption("--format <FORMAT>")]
    [Description("auto (default, detected from the content), word2vec, word2vec-binary, glove, fasttext-bin or native.")]
    public string Format { get; init; } = "auto";

    [CommandOption("--max-words <N>")]
    [Description("Load only the first N words of the file.")]
    public int? MaxWords { get; init; }

    /// <summary>The parsed <see cref="Format"/>.</summary>
    public WordVectorFormat ParsedFormat => Format.ToLowerInvariant() switch
    {
        "word2vec" or "word2vec-text" or "vec" => WordVectorFormat.Word2VecText,
        "word2vec-binary" => WordVectorFormat.Word2VecBinary,
        "glove" => WordVectorFormat.GloVe,
        "fasttext-bin" => WordVectorFormat.FastTextBinary,
        "native" or "ntv" => WordVectorFormat.Native,
        _ => WordVectorFormat.Auto,
    };

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(File))
        {
            return ValidationResult.Error("A word-vector <file> is required.");
        }

        if (Format.ToLowerInvariant() is not ("auto" or "word2vec" or "word2vec-text" or "vec" or "word2vec-binary" or "glove"
            or "fasttext-bin" or "native" or "ntv"))
        {
            return ValidationResult.Error($"--format: expected auto, word2vec, word2vec-binary, glove, fasttext-bin or native, found '{Format}'.");
        }

        if (MaxWords is <= 0)
        {
            return ValidationResult.Error($"--max-words: expected a positive number, found {MaxWords}.");
        }

        return ValidationResult.Success();
    }

    /// <summary>Loads the vectors, reporting what was read on stderr.</summary>
    public WordVectors LoadVectors(CliIO io)
    {
        if (Directory.Exists(File))
        {
            throw new UserInputException($"{File}: is a directory, expected a word-vector file.");
        }

        if (!System.IO.File.Exists(File))
        {
            throw new UserInputException($"{File}: file not found.");
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        WordVectors vectors = WordVectors.Load(File, ParsedFormat, new WordVectorLoadOptions { MaxWords = MaxWords });
        io.Error.WriteLine(
            $"{File}: {vectors.Count:N0} words × {vectors.Dimensions} dimensions ({vectors.Source.Format}) read in {clock.Elapsed.TotalSeconds:F2} s");
        return vectors;
    }
}
