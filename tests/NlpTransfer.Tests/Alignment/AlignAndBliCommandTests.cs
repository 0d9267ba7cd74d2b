using System.Globalization;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using NlpTransfer.Alignment;
using NlpTransfer.Cli.Infrastructure;
using Spectre.Console.Testing;
using Xunit;

namespace NlpTransfer.Tests.Alignment;

/// <summary><c>nlpt align</c> and <c>nlpt bli</c> run in-process on small generated vector files.</summary>
public sealed class AlignAndBliCommandTests : IDisposable
{
    private const int Words = 120;
    private const int Dimensions = 8;
    private readonly string _folder = Directory.CreateTempSubdirectory("nlpt-align-cli-").FullName;

    public AlignAndBliCommandTests()
    {
        // The target space is a rotation of the source space: word s{i} translates to t{i}.
        var random = new Random(17);
        float[] x = AlignmentFixtures.RandomMatrix(random, Words, Dimensions);
        float[] y = MatrixReference.Rotate(x, Words, Dimensions, AlignmentFixtures.RandomRotation(random, Dimensions));
        WriteVectors(Path.Combine(_folder, "src.txt"), "s", x, Dimensions);
        WriteVectors(Path.Combine(_folder, "tgt.txt"), "t", y, Dimensions);
        WriteVectors(Path.Combine(_folder, "other.txt"), "o", AlignmentFixtures.RandomMatrix(random, 10, 5), 5);
        File.WriteAllLines(Path.Combine(_folder, "train.txt"), Enumerable.Range(0, 40).Select(i => $"s{i} t{i}").Append("s0 missing"));
        File.WriteAllLines(Path.Combine(_folder, "test.txt"), Enumerable.Range(60, 60).Select(i => $"s{i}\tt{i}"));
        File.WriteAllLines(Path.Combine(_folder, "test-inverse.txt"), Enumerable.Range(60, 60).Select(i => $"t{i} s{i}"));
        File.WriteAllLines(Path.Combine(_folder, "oov.txt"), ["x y", "z w"]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Align_ThenBli_WritesMapAndReportsPerfectPrecision()
    {
        // Given a rotated space and a seed dictionary
        string map = P("map.json");

        // When aligning and evaluating
        var (alignCode, alignOut, _) = Run("align", "--source", P("src.txt"), "--target", P("tgt.txt"), "--dictionary", P("train.txt"),
            "--normalize", "unit,center,unit", "--refine", "1", "--output", map, "--json");
        var (bliCode, bliOut, _) = Run("bli", "--source", P("src.txt"), "--target", P("tgt.txt"), "--map", map,
            "--dictionary", P("test.txt"), "--retrieval", "nn", "--json");

        // Then
        alignCode.Should().Be(0);
        using JsonDocument align = JsonDocument.Parse(alignOut);
        align.RootElement.GetProperty("dimensions").GetInt32().Should().Be(Dimensions);
        align.RootElement.GetProperty("normalization").GetString().Should().Be("unit,center,unit");
        align.RootElement.GetProperty("dictionary").GetProperty("pairs_used").GetInt32().Should().Be(40);
        align.RootElement.GetProperty("dictionary").GetProperty("pairs_missing_target").GetInt32().Should().Be(1);
        align.RootElement.GetProperty("dictionary").GetProperty("missing_examples")[0].GetString().Should().Be("s0 missing");
        align.RootElement.GetProperty("refinement")[0].GetProperty("mean_cosine").GetDouble().Should().BeGreaterThan(0.99);
        CrossLingualMap.Load(map).Dimensions.Should().Be(Dimensions);

        bliCode.Should().Be(0);
        using JsonDocument bli = JsonDocument.Parse(bliOut);
        bli.RootElement.GetProperty("p_at1").GetDouble().Should().Be(1.0);
        bli.RootElement.GetProperty("coverage").GetProperty("evaluated").GetInt32().Should().Be(60);
        bli.RootElement.GetProperty("source_matches_map").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void Bli_Inverse_EvaluatesTargetToSource()
    {
        string map = P("map.json");
        Run("align", "--source", P("src.txt"), "--target", P("tgt.txt"), "--dictionary", P("train.txt"), "--output", map).Code.Should().Be(0);

        var (code, output, _) = Run("bli", "--source", P("tgt.txt"), "--target", P("src.txt"), "--map", map, "--inverse",
            "--dictionary", P("test-inverse.txt"), "--json");

        code.Should().Be(0);
        using JsonDocument bli = JsonDocument.Parse(output);
        bli.RootElement.GetProperty("p_at1").GetDouble().Should().Be(1.0);
        bli.RootElement.GetProperty("retrieval").GetString().Should().Be("csls");
    }

    [Fact]
    public void Align_DimensionMismatch_ExitsOneNamingBothFiles()
    {
        var (code, output, error) = Run("align", "--source", P("src.txt"), "--target", P("other.txt"), "--dictionary", P("train.txt"), "--output", P("m.json"));

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Contain($"dimension mismatch: {P("src.txt")} has 8 dimensions, {P("other.txt")} 5");
    }

    [Fact]
    public void Align_AllOutOfVocabularyDictionary_ExitsOne()
    {
        var (code, _, error) = Run("align", "--source", P("src.txt"), "--target", P("tgt.txt"), "--dictionary", P("oov.txt"), "--output", P("m.json"));

        code.Should().Be(1);
        error.Should().Contain($"{P("oov.txt")}: none of the 2 pairs has both words in the vocabularies");
        File.Exists(P("m.json")).Should().BeFalse();
    }

    [Fact]
    public void Bli_MapOfAnotherDimension_ExitsOne()
    {
        string map = P("map.json");
        Run("align", "--source", P("src.txt"), "--target", P("tgt.txt"), "--dictionary", P("train.txt"), "--output", map).Code.Should().Be(0);

        var (code, _, error) = Run("bli", "--source", P("other.txt"), "--target", P("other.txt"), "--map", map, "--dictionary", P("test.txt"));

        code.Should().Be(1);
        error.Should().Contain("dimension mismatch: the map is 8-dimensional");
    }

    [Theory]
    [InlineData("--retrieval", "best")]
    [InlineData("--csls-k", "0")]
    public void Bli_BadOption_ExitsTwo(string option, string value)
    {
        var (code, _, error) = Run("bli", "--source", P("src.txt"), "--target", P("tgt.txt"), "--dictionary", P("test.txt"), option, value);

        code.Should().Be(2);
        error.Should().Contain("usage");
    }

    [Fact]
    public void Align_UnknownNormalisation_ExitsTwo()
    {
        var (code, _, error) = Run("align", "--source", P("src.txt"), "--target", P("tgt.txt"), "--dictionary", P("train.txt"),
            "--output", P("m.json"), "--normalize", "unit,whiten");

        code.Should().Be(2);
        error.Should().Contain("'whiten'");
    }

    private string P(string name) => Path.Combine(_folder, name);

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, new CliIO(output, error, new TestConsole()));
        return (code, output.ToString(), error.ToString());
    }

    private static void WriteVectors(string path, string prefix, float[] matrix, int d)
    {
        var text = new StringBuilder();
        int rows = matrix.Length / d;
        text.Append(CultureInfo.InvariantCulture, $"{rows} {d}\n");
        for (int i = 0; i < rows; i++)
        {
            text.Append(prefix).Append(i);
            for (int j = 0; j < d; j++)
            {
                text.Append(' ').Append(matrix[i * d + j].ToString("R", CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        File.WriteAllText(path, text.ToString());
    }
}
