using System.Text.Json;
using FluentAssertions;
using NlpTransfer.Tests.Embeddings;
using Xunit;

namespace NlpTransfer.Tests.Cli.Vectors;

public sealed class InfoCommandTests
{
    [Fact]
    public void Info_SampleWithJson_PrintsOneObjectWithFormatAndCounts()
    {
        var (code, output, _) = CliRunner.Run("vectors", "info", CliRunner.SamplePath(), "--json");

        code.Should().Be(0);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("format").GetString().Should().Be("word2vec");
        json.RootElement.GetProperty("count").GetInt32().Should().Be(64);
        json.RootElement.GetProperty("dimensions").GetInt32().Should().Be(24);
        json.RootElement.GetProperty("subwords").GetBoolean().Should().BeFalse();
        json.RootElement.TryGetProperty("load_ms", out _).Should().BeTrue();
    }

    [Fact]
    public void Info_FastTextBin_ReportsSubwordArguments()
    {
        using var dir = new TempDirectory();
        string path = dir.WriteBytes("model.bin", FastTextModelWriter.Write(["a", "b"], new float[(2 + 10) * 2], 2, 10, minn: 2, maxn: 5));

        var (code, output, _) = CliRunner.Run("vectors", "info", path);

        code.Should().Be(0);
        output.Should().Contain("fasttext-bin").And.Contain("subwords       yes (minn 2, maxn 5, buckets 10)");
    }

    [Fact]
    public void Info_BadFile_ExitOneWithFileAndLine()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "TestData", "invalid", "too-few-values.txt");

        var (code, output, error) = CliRunner.Run("vectors", "info", path);

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Trim().Should().Be($"nlpt: error: {path}:3: expected 3 values, found 2");
    }

    [Fact]
    public void Info_UnknownFormatName_UsageError()
    {
        var (code, _, error) = CliRunner.Run("vectors", "info", CliRunner.SamplePath(), "--format", "xml");

        code.Should().Be(2);
        error.Should().Contain("--format must be one of");
    }
}
