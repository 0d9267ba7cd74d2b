using System.Globalization;
using System.Text;
using FluentAssertions;
using NlpTransfer.Embeddings;
using Xunit;

namespace NlpTransfer.Tests.Embeddings;

public sealed partial class WordVectorsTests
{
    private const string Word2VecSample = "3 2\nthe 0.5 -1.25\nof 1e-3 2\ncafé -0.038194 0.0031598\n";

    [Fact]
    public void Load_Word2VecText_ReadsKeysValuesAndDetectsFormat()
    {
        using var dir = new TempDirectory();
        string path = dir.WriteText("sample.txt", Word2VecSample);

        using var vectors = WordVectors.Load(path);

        vectors.Source.Should().Be(new WordVectorsSource(path, WordVectorFormat.Word2VecText));
        vectors.Keys.Should().Equal("the", "of", "café");
        vectors.Dimensions.Should().Be(2);
        vectors[0].ToArray().Should().Equal(0.5f, -1.25f);
        vectors[1].ToArray().Should().Equal(1e-3f, 2f);
        vectors[2].ToArray().Should().Equal(float.Parse("-0.038194", CultureInfo.InvariantCulture), float.Parse("0.0031598", CultureInfo.InvariantCulture));
        vectors.LoadReport!.DeclaredCount.Should().Be(3);
        vectors.LoadReport.DuplicateCount.Should().Be(0);
    }

    [Fact]
    public void Load_FastTextVecWithTrailingSpaces_ReadsAsWord2VecText()
    {
        using var dir = new TempDirectory();
        string path = dir.WriteText("sample.vec", "2 3\n</s> 0.1 0.2 0.3 \nи -0.11189 0.12135 -0.11379 \n");

        using var vectors = WordVectors.Load(path);

        vectors.Source.Format.Should().Be(WordVectorFormat.Word2VecText);
        vectors.Keys.Should().Equal("</s>", "и");
        vectors[1].ToArray().Should().Equal(-0.11189f, 0.12135f, -0.11379f);
    }

    [Fact]
    public void Load_GloVeWithoutHeader_DetectsGloVeAndDimensions()
    {
        using var dir = new TempDirectory();
        string path = dir.WriteText("glove.txt", "the 1 2 3 4\nof 5 6 7 8\n");

        using var vectors = WordVectors.Load(path);

        vectors.Source.Format.Should().Be(WordVectorFormat.GloVe);
        vectors.Count.Should().Be(2);
        vectors.Dimensions.Should().Be(4);
        vectors[1].ToArray().Should().Equal(5f, 6f, 7f, 8f);
        vectors.LoadReport!.DeclaredCount.Should().BeNull();
    }

    [Fact]
    public void Load_BomAndCrlf_Accepted()
    {
        using var dir = new TempDirectory();
        string path = dir.WriteBytes("bom.txt", [.. "\uFEFF"u8, .. "2 2\r\nthe 1 2\r\nof 3 4\r\n"u8]);

        using var vectors = WordVectors.Load(path);

        vectors.Keys.Should().Equal("the", "of");
        vectors[1].ToArray().Should().Equal(3f, 4f);
    }

    [Fact]
    public void Load_StreamOverload_ReadsAndLeavesStreamOpen()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(Word2VecSample));

        using var vectors = WordVectors.Load(stream, WordVectorFormat.Auto);

        vectors.Count.Should().Be(3);
        vectors.Source.Should().Be(new WordVectorsSource(null, WordVectorFormat.Word2VecText));
        stream.CanRead.Should().BeTrue();
    }

    [Fact]
    public void Load_MaxWords_KeepsFirstRowsAndReportsTruncation()
    {
        using var dir = new TempDirectory();
        string path = dir.WriteText("sample.txt", Word2VecSample);

        using var vectors = WordVectors.Load(path, options: new WordVectorLoadOptions { MaxWords = 2 });

        vectors.Keys.Should().Equal("the", "of");
        vectors.LoadReport!.Truncated.Should().BeTrue();
    }

    [Fact]
    public void Load_LowercaseKeysWithCollisions_FirstWinsAndDuplicatesReported()
    {
        using var dir = new TempDirectory();
        string path = dir.WriteText("case.txt", "4 1\nParis 1\nthe 2\nparis 3\nTHE 4\n");

        using var vectors = WordVectors.Load(path, options: new WordVectorLoadOptions { LowercaseKeys = true });

        vectors.Keys.Should().Equal("paris", "the");
        vectors[0][0].Should().Be(1f);
        vectors[1][0].Should().Be(2f);
        vectors.LoadReport!.RowsRead.Should().Be(4);
        vectors.LoadReport.DuplicateCount.Should().Be(2);
        vectors.LoadReport.Duplicates.Should().Equal(new WordVectorDuplicate("paris", 4, 2), new WordVectorDuplicate("the", 5, 3));
    }

    [Fact]
    public void Load_DuplicateKeys_FirstWinsWithFileLines()
    {
        using var dir = new TempDirectory();
        string path = dir.WriteText("dup.txt", "a 1\n\nb 2\na 3\nc 4\n");

        using var vectors = WordVectors.Load(path, WordVectorFormat.GloVe);

        vectors.Keys.Should().Equal("a", "b", "c");
        vectors[2][0].Should().Be(4f);
        vectors.LoadReport!.Duplicates.Should().Equal(new WordVectorDuplicate("a", 4, 1));
    }

    [Fact]
    public void Load_Normalize_GivesUnitRowsAndKeepsZeroRows()
    {
        using var dir = new TempDirectory();
        string path = dir.WriteText("norm.txt", "2 2\nx 3 4\nzero 0 0\n");

        using var vectors = WordVectors.Load(path, options: new WordVectorLoadOptions { Normalize = true });

        vectors[0].ToArray().Should().Equal(0.6f, 0.8f);
        vectors[1].ToArray().Should().Equal(0f, 0f);
        vectors.Norms[0].Should().BeApproximately(1f, 1e-6f);
    }

    [Fact]
    public void Load_LargeGeneratedFile_EqualsPlainReferenceParse()
    {
        // Several MB so that the parallel reader cuts it into many chunks.
        var random = new Random(7);
        const int rows = 20_000;
        const int dims = 50;
        var text = new StringBuilder().Append(rows).Append(' ').Append(dims).Append('\n');
        for (int r = 0; r < rows; r++)
        {
            text.Append("w").Append(r);
            for (int d = 0; d < dims; d++)
            {
                text.Append(' ').Append(((random.NextDouble() - 0.5) * 4).ToString(random.Next(3) == 0 ? "E3" : "G7", CultureInfo.InvariantCulture));
            }

            text.Append(r % 3 == 0 ? " \n" : "\n");
        }

        using var dir = new TempDirectory();
        string path = dir.WriteText("big.txt", text.ToString());
        var progress = new List<WordVectorLoadProgress>();
        var options = new WordVectorLoadOptions { Progress = new SynchronousProgress(p => { lock (progress) { progress.Add(p); } }) };

        using var vectors = WordVectors.Load(path, options: options);

        string[] lines = File.ReadAllLines(path);
        vectors.Count.Should().Be(rows);
        for (int r = 0; r < rows; r++)
        {
            string[] parts = lines[r + 1].TrimEnd().Split(' ');
            vectors.Keys[r].Should().Be(parts[0]);
            var row = vectors[r];
            for (int d = 0; d < dims; d++)
            {
                if (row[d] != float.Parse(parts[d + 1], CultureInfo.InvariantCulture))
                {
                    Assert.Fail($"row {r} value {d}: {row[d]} != {parts[d + 1]}");
                }
            }
        }

        progress.Should().NotBeEmpty();
        progress.Max(p => p.BytesRead).Should().Be(progress[0].TotalBytes);
    }

    private sealed class SynchronousProgress(Action<WordVectorLoadProgress> report) : IProgress<WordVectorLoadProgress>
    {
        public void Report(WordVectorLoadProgress value) => report(value);
    }
}
