using System.Text.Json;
using FluentAssertions;
using NlpTransfer.Embeddings;
using NlpTransfer.Tests.Embeddings;
using Xunit;

namespace NlpTransfer.Tests.Cli.Vectors;

public sealed class ConvertCommandTests
{
    [Fact]
    public void Convert_SampleWithMaxWords_WritesNativeFileWithFirstWords()
    {
        using var dir = new TempDirectory();
        string output = dir.File("sample.ntv");

        var (code, stdout, _) = CliRunner.Run("vectors", "convert", CliRunner.SamplePath(), output, "--max-words", "10", "--json");

        code.Should().Be(0);
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("count").GetInt32().Should().Be(10);
        using var converted = WordVectors.Load(output);
        using var original = WordVectors.Load(CliRunner.SamplePath(), options: new WordVectorLoadOptions { MaxWords = 10 });
        converted.Source.Format.Should().Be(WordVectorFormat.Native);
        converted.Keys.Should().Equal(original.Keys);
        converted.Matrix.ToArray().Should().Equal(original.Matrix.ToArray());
    }

    [Fact]
    public void Convert_NegativeMaxWords_UsageError()
    {
        using var dir = new TempDirectory();

        var (code, _, error) = CliRunner.Run("vectors", "convert", CliRunner.SamplePath(), dir.File("x.ntv"), "--max-words", "-3");

        code.Should().Be(2);
        error.Should().Contain("--max-words must be a positive number");
    }

    [Fact]
    public void Convert_MissingInput_ExitOneNamingFile()
    {
        using var dir = new TempDirectory();
        string missing = dir.File("missing.txt");

        var (code, _, error) = CliRunner.Run("vectors", "convert", missing, dir.File("x.ntv"));

        code.Should().Be(1);
        error.Trim().Should().Be($"nlpt: error: {missing}: no such file");
    }
}
