using System.Text;
using FluentAssertions;
using NlpTransfer.Embeddings;
using Xunit;

namespace NlpTransfer.Tests.Embeddings;

public sealed partial class WordVectorsTests
{
    private static WordVectors Sample() =>
        WordVectors.FromMatrix(["the", "café", "日本", "x"], [0.5f, -1.25f, 3e-8f, 1f / 3, 2f, -0f, 123456.7f, 1e-3f], dimensions: 2);

    private static byte[] Word2VecBinary(bool newlineAfterVectors)
    {
        using var stream = new MemoryStream();
        stream.Write("2 2\n"u8);
        foreach (var (word, a, b) in new[] { ("one", 1f, 2f), ("twö", -3.5f, 4.25f) })
        {
            stream.Write(Encoding.UTF8.GetBytes(word + " "));
            stream.Write(BitConverter.GetBytes(a));
            stream.Write(BitConverter.GetBytes(b));
            if (newlineAfterVectors)
            {
                stream.WriteByte((byte)'\n');
            }
        }

        return stream.ToArray();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_Word2VecBinary_WithOrWithoutNewlines_DetectedAndRead(bool newlines)
    {
        using var dir = new TempDirectory();
        string path = dir.WriteBytes("vectors.bin", Word2VecBinary(newlines));

        using var vectors = WordVectors.Load(path);

        vectors.Source.Format.Should().Be(WordVectorFormat.Word2VecBinary);
        vectors.Keys.Should().Equal("one", "twö");
        vectors[1].ToArray().Should().Equal(-3.5f, 4.25f);
    }

    [Theory]
    [InlineData(WordVectorFormat.Word2VecText)]
    [InlineData(WordVectorFormat.Word2VecBinary)]
    [InlineData(WordVectorFormat.GloVe)]
    [InlineData(WordVectorFormat.Native)]
    public void Save_ThenLoadAuto_SameBitsAndDetectedFormat(WordVectorFormat format)
    {
        using var original = Sample();
        using var dir = new TempDirectory();
        string path = dir.File("saved");

        original.Save(path, format);
        using var loaded = WordVectors.Load(path);

        loaded.Source.Format.Should().Be(format);
        loaded.Keys.Should().Equal(original.Keys);
        loaded.Matrix.ToArray().Select(BitConverter.SingleToInt32Bits).Should().Equal(original.Matrix.ToArray().Select(BitConverter.SingleToInt32Bits));
        Directory.GetFiles(dir.Path).Should().ContainSingle("the temporary file was renamed into place");
    }

    [Fact]
    public void LoadNative_FromPath_IsMemoryMappedWithStoredNorms()
    {
        using var original = Sample();
        using var dir = new TempDirectory();
        string path = dir.File("sample.ntv");
        original.SaveNative(path);

        using var loaded = WordVectors.Load(path);

        loaded.Source.Should().Be(new WordVectorsSource(path, WordVectorFormat.Native));
        loaded.Norms.ToArray().Should().Equal(original.Norms.ToArray());
        loaded.IndexOf("日本").Should().Be(2);
        File.ReadAllBytes(path).AsSpan(0, 10).SequenceEqual("NTVECTORS\n"u8).Should().BeTrue();
    }

    [Fact]
    public void LoadNative_MaxWordsAndNormalize_Applied()
    {
        using var original = Sample();
        using var dir = new TempDirectory();
        string path = dir.File("sample.ntv");
        original.SaveNative(path);

        using var loaded = WordVectors.Load(path, options: new WordVectorLoadOptions { MaxWords = 2, Normalize = true });

        loaded.Keys.Should().Equal("the", "café");
        loaded.Norms[0].Should().BeApproximately(1f, 1e-6f);
        loaded.LoadReport!.Truncated.Should().BeTrue();
    }

    [Fact]
    public void LoadNative_CutShort_ThrowsWithByteOffset()
    {
        using var original = Sample();
        using var dir = new TempDirectory();
        string path = dir.File("sample.ntv");
        original.SaveNative(path);
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^4]);

        var act = () => WordVectors.Load(path);

        act.Should().Throw<InvalidDataException>().WithMessage($"{path}: byte {bytes.Length - 4}: expected {bytes.Length} bytes as the header declares, found {bytes.Length - 4}");
    }

    [Fact]
    public void Save_FastTextBinary_ThrowsNotSupported()
    {
        using var original = Sample();

        var act = () => original.Save(new MemoryStream(), WordVectorFormat.FastTextBinary);

        act.Should().Throw<NotSupportedException>();
    }

    [Fact]
    public void Load_ExplicitFormatOverridesContent_GloVeReadsHeaderAsRow()
    {
        using var dir = new TempDirectory();
        string path = dir.WriteText("ambiguous.txt", "2 1\nthe 0.5\n");

        using var vectors = WordVectors.Load(path, WordVectorFormat.GloVe);

        vectors.Source.Format.Should().Be(WordVectorFormat.GloVe);
        vectors.Keys.Should().Equal("2", "the");
    }
}
