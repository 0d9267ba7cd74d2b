using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace NlpTransfer.Tests.Cli;

/// <summary>nlpt vectors neighbors / analogy / eval run in-process on a tiny word2vec file written by the test.</summary>
[Collection("cli")]
public sealed class VectorQueryCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nlpt-cli-vectors-query").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Neighbors_Json_ListsNearestWordsBestFirst()
    {
        string vectors = WriteVectors();

        (int code, string output, string error) = PlainConsoleCli.Run("vectors", "neighbors", vectors, "king", "--top", "2", "--json");

        code.Should().Be(0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement result = json.RootElement.GetProperty("results")[0];
        result.GetProperty("word").GetString().Should().Be("king");
        result.GetProperty("in_vocabulary").GetBoolean().Should().BeTrue();
        result.GetProperty("neighbors").EnumerateArray().Select(n => n.GetProperty("word").GetString()).Should().Equal("man", "queen");
        result.GetProperty("neighbors")[0].GetProperty("score").GetDouble().Should().BeApproximately(Math.Sqrt(0.5), 1e-6);
    }

    [Fact]
    public void Neighbors_UnknownWord_AnswersTheOthersAndExitsOne()
    {
        string vectors = WriteVectors();

        (int code, string output, string error) = PlainConsoleCli.Run("vectors", "neighbors", vectors, "King", "queen", "--json");

        code.Should().Be(1);
        using JsonDocument json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("results")[0].GetProperty("error").GetString().Should().Be("Key 'King' not present in vocabulary");
        json.RootElement.GetProperty("results")[1].GetProperty("neighbors").GetArrayLength().Should().Be(5);
        error.Should().Contain($"{vectors}: not in the vocabulary (case-sensitive): King");
    }

    [Fact]
    public void Analogy_AddAndMul_FindTheConstructedAnswer()
    {
        string vectors = WriteVectors();

        (int addCode, string addOut, _) = PlainConsoleCli.Run("vectors", "analogy", vectors, "man", "king", "woman", "--top", "1", "--json");
        (int mulCode, string mulOut, _) = PlainConsoleCli.Run("vectors", "analogy", vectors, "man", "king", "woman", "--method", "mul", "--json");

        addCode.Should().Be(0);
        mulCode.Should().Be(0);
        using JsonDocument add = JsonDocument.Parse(addOut);
        using JsonDocument mul = JsonDocument.Parse(mulOut);
        add.RootElement.GetProperty("answers").GetArrayLength().Should().Be(1);
        add.RootElement.GetProperty("answers")[0].GetProperty("word").GetString().Should().Be("queen");
        mul.RootElement.GetProperty("method").GetString().Should().Be("mul");
        mul.RootElement.GetProperty("answers")[0].GetProperty("word").GetString().Should().Be("queen");
    }

    [Fact]
    public void Analogy_UnknownWord_ExitsOneNamingIt()
    {
        string vectors = WriteVectors();

        (int code, _, string error) = PlainConsoleCli.Run("vectors", "analogy", vectors, "man", "King", "woman");

        code.Should().Be(1);
        error.Should().Contain($"{vectors}: not in the vocabulary (case-sensitive): King");
    }

    [Fact]
    public void Eval_PairsAndAnalogies_ReportsGensimFigures()
    {
        string vectors = WriteVectors();
        string pairs = Path.Combine(_folder, "pairs.tsv");
        File.WriteAllText(pairs, "# word1\tword2\tscore\nking\tqueen\t9\nMAN\tWoman\t8\nking\tapple\t1\nqueen\tcar\t0.5\nking\tzebra\t3\n");
        string questions = Path.Combine(_folder, "questions.txt");
        File.WriteAllText(questions, ": royal\nman king woman queen\nwoman queen man king\n: gram-none\nman king woman zebra\n");

        (int code, string output, string error) = PlainConsoleCli.Run("vectors", "eval", vectors, "--similarity", pairs, "--analogies", questions, "--json");

        code.Should().Be(0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement similarity = json.RootElement.GetProperty("similarity")[0];
        similarity.GetProperty("pairs_used").GetInt32().Should().Be(4);
        similarity.GetProperty("pairs_oov").GetInt32().Should().Be(1);
        similarity.GetProperty("oov_ratio_percent").GetDouble().Should().BeApproximately(20.0, 1e-9);
        JsonElement analogies = json.RootElement.GetProperty("analogies");
        analogies.GetProperty("correct").GetInt32().Should().Be(2);
        analogies.GetProperty("questions_oov").GetInt32().Should().Be(1);
        analogies.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("section").GetString()).Should().Equal("royal", "gram-none");
        json.RootElement.GetProperty("restrict_vocab").GetInt32().Should().Be(300_000);
    }

    [Fact]
    public void Eval_NothingToEvaluate_IsAUsageError()
    {
        string vectors = WriteVectors();

        (int code, _, string error) = PlainConsoleCli.Run("vectors", "eval", vectors);

        code.Should().Be(2);
        error.Should().Contain("Nothing to evaluate");
    }

    [Fact]
    public void Eval_MissingPairsFile_ExitsOneNamingIt()
    {
        string vectors = WriteVectors();
        string missing = Path.Combine(_folder, "absent.tsv");

        (int code, _, string error) = PlainConsoleCli.Run("vectors", "eval", vectors, "--similarity", missing);

        code.Should().Be(1);
        error.Should().Contain($"{missing}: file not found.");
    }

    [Fact]
    public void Neighbors_BadTop_IsAUsageError()
    {
        string vectors = WriteVectors();

        (int code, _, string error) = PlainConsoleCli.Run("vectors", "neighbors", vectors, "king", "--top", "0");

        code.Should().Be(2);
        error.Should().Contain("--top: expected a positive number, found 0.");
    }

    // man, woman, king, queen with queen = king − man + woman; apple and car point elsewhere.
    private string WriteVectors()
    {
        string path = Path.Combine(_folder, "tiny.w2v.txt");
        File.WriteAllText(path, string.Join('\n',
            "6 4",
            "man 1 0 0 0",
            "woman 0 1 0 0",
            "king 1 0 1 0",
            "queen 0 1 1 0",
            "apple 0 0 0 1",
            "car 0 0 -1 1") + "\n");
        return path;
    }
}
