using FluentAssertions;
using NlpTransfer.Embeddings;
using Xunit;

namespace NlpTransfer.Tests.Embeddings;

public sealed partial class WordVectorsTests
{
    private static string Invalid(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "invalid", name);

    /// <summary>Every bad file of TestData/invalid gives an InvalidDataException naming file, line or byte, and what was expected.</summary>
    [Theory]
    [InlineData("empty.txt", "{0}: the file is empty, expected word vectors")]
    [InlineData("a-directory", "{0}: is a directory, expected a word-vector file")]
    [InlineData("absurd-header.txt", "{0}:1: the header declares 1000000000000 rows of 100 values, but the remaining 8 bytes can hold at most 0")]
    [InlineData("header-count-too-large.txt", "{0}:4: expected 3 rows as the header declares, found 2 before the end of the file")]
    [InlineData("too-few-values.txt", "{0}:3: expected 3 values, found 2")]
    [InlineData("too-many-values.txt", "{0}:3: expected 3 values, found 4")]
    [InlineData("not-a-number.txt", "{0}:3: expected a number as value 2, found 'x4'")]
    [InlineData("nan.txt", "{0}:2: expected a finite number as value 2, found 'NaN'")]
    [InlineData("infinity.glove.txt", "{0}:2: expected a finite number as value 1, found 'Infinity'")]
    [InlineData("invalid-utf8-word.txt", "{0}:2: expected a word in UTF-8, found invalid bytes")]
    [InlineData("truncated-binary.w2v.bin", "{0}: byte 24: expected the 3 float32 values of 'two', row 2 of 2, (12 bytes), found 8 bytes before the end of the file")]
    [InlineData("non-finite-binary.w2v.bin", "{0}: byte 10: expected a finite value 2 for 'a', found Infinity")]
    [InlineData("fasttext-cut-short.bin", "{0}: byte 131: expected the 5 × 2 input matrix (40 bytes), found 16 bytes before the end of the file")]
    public void Load_InvalidFixture_ThrowsInvalidDataWithExactMessage(string fixture, string message)
    {
        string path = Invalid(fixture);

        var act = () => WordVectors.Load(path);

        act.Should().Throw<InvalidDataException>().Which.Message.Should().Be(string.Format(message, path));
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFound()
    {
        var act = () => WordVectors.Load(Invalid("no-such-file.txt"));

        act.Should().Throw<FileNotFoundException>();
    }

    [Fact]
    public void Load_InvalidFixtureFromStream_NamesTheStream()
    {
        using var stream = File.OpenRead(Invalid("too-few-values.txt"));

        var act = () => WordVectors.Load(stream, WordVectorFormat.Auto);

        act.Should().Throw<InvalidDataException>().WithMessage("stream:3: expected 3 values, found 2");
    }
}
