using System.Text.Json;
using FluentAssertions;
using NlpTransfer.Tests.Embeddings;
using Xunit;

namespace NlpTransfer.Tests.Cli.Vectors;

public sealed class LookupCommandTests
{
    [Fact]
    public void Lookup_KnownAndUnknownWords_JsonSaysWhichAndGivesVectors()
    {
        var (code, output, _) = CliRunner.Run("vectors", "lookup", CliRunner.SamplePath(), "king", "café", "zebra", "--json");

        code.Should().Be(0);
        using var json = JsonDocument.Parse(output);
        var words = json.RootElement.GetProperty("words").EnumerateArray().ToArray();
        words.Select(w => w.GetProperty("word").GetString()).Should().Equal("king", "café", "zebra");
        words[0].GetProperty("in_vocabulary").GetBoolean().Should().BeTrue();
        words[0].GetProperty("vector").GetArrayLength().Should().Be(24);
        words[0].GetProperty("vector")[0].GetSingle().Should().Be(1.0009f);
        words[2].GetProperty("in_vocabulary").GetBoolean().Should().BeFalse();
        words[2].GetProperty("can_make_vector").GetBoolean().Should().BeFalse();
        words[2].TryGetProperty("vector", out _).Should().BeFalse("null vectors are omitted");
    }

    [Fact]
    public void Lookup_FastTextUnknownWord_CanMakeVectorButNotInVocabulary()
    {
        using var dir = new TempDirectory();
        string path = dir.WriteBytes("model.bin", FastTextModelWriter.Write(["a"], Enumerable.Range(0, (1 + 10) * 2).Select(i => (float)i).ToArray(), 2, 10, 2, 3));

        var (code, output, _) = CliRunner.Run("vectors", "lookup", path, "xyz", "--json");

        code.Should().Be(0);
        using var json = JsonDocument.Parse(output);
        var word = json.RootElement.GetProperty("words")[0];
        word.GetProperty("in_vocabulary").GetBoolean().Should().BeFalse();
        word.GetProperty("can_make_vector").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void Lookup_NoWords_UsageError()
    {
        var (code, _, _) = CliRunner.Run("vectors", "lookup", CliRunner.SamplePath());

        code.Should().Be(2);
    }
}
