using System.Globalization;
using FluentAssertions;
using NlpTransfer.Embeddings;
using Xunit;

namespace NlpTransfer.IntegrationTests.Embeddings;

public sealed class TextVectorLoadTests
{
    [SkippableFact]
    public void Load_GloVeTop50k_EveryValueEqualsFloatParse()
    {
        string path = SharedData.Require("vectors/glove-100d-top50k.w2v.txt");

        using var vectors = WordVectors.Load(path);

        vectors.Source.Format.Should().Be(WordVectorFormat.Word2VecText);
        vectors.Count.Should().Be(50_000);
        vectors.Dimensions.Should().Be(100);
        int row = 0;
        foreach (string line in File.ReadLines(path).Skip(1))
        {
            string[] parts = line.Split(' ');
            vectors.Keys[row].Should().Be(parts[0]);
            var vector = vectors[row];
            for (int d = 0; d < 100; d++)
            {
                if (vector[d] != float.Parse(parts[d + 1], CultureInfo.InvariantCulture))
                {
                    Assert.Fail($"line {row + 2} value {d + 1}: {vector[d]} != {parts[d + 1]}");
                }
            }

            row++;
        }

        row.Should().Be(50_000);
    }

    [SkippableTheory]
    [InlineData("vectors/fasttext/bible-kjv.d50.vec", 6960, 50)]
    [InlineData("vectors/fasttext/crime-and-punishment.vec", 291, 5)]
    [InlineData("vectors/fasttext/lee_fasttext.vec", 1762, 10)]
    [InlineData("vectors/fasttext/toy-model.vec", 22, 5)]
    [InlineData("vectors/crosslingual/ubilexat.es-en.es.w2v.txt", 4774, 50)]
    public void Load_SharedTextFiles_CountsMatchHeader(string file, int count, int dimensions)
    {
        string path = SharedData.Require(file);

        using var vectors = WordVectors.Load(path);

        vectors.Source.Format.Should().Be(WordVectorFormat.Word2VecText);
        vectors.Count.Should().Be(count);
        vectors.Dimensions.Should().Be(dimensions);
        vectors.LoadReport!.DuplicateCount.Should().Be(0);
    }

    [SkippableFact]
    public void Load_GensimWord2VecBinary_DetectedWithHeaderCountAndFirstWords()
    {
        string path = SharedData.Require("vectors/word2vec-binary/euclidean_vectors.bin");

        using var vectors = WordVectors.Load(path);

        vectors.Source.Format.Should().Be(WordVectorFormat.Word2VecBinary);
        vectors.Count.Should().Be(2747);
        vectors.Dimensions.Should().Be(10);
        vectors.Keys.Take(5).Should().Equal("the", "to", "of", "in", "and");
    }

    [SkippableFact]
    public void ConvertToNative_GloVeTop50k_SameKeysAndBits()
    {
        string path = SharedData.Require("vectors/glove-100d-top50k.w2v.txt");
        string native = Path.Combine(Path.GetTempPath(), $"nlpt-{Guid.NewGuid():N}.ntv");
        try
        {
            using var text = WordVectors.Load(path);
            text.SaveNative(native);

            using var mapped = WordVectors.Load(native);

            mapped.Source.Format.Should().Be(WordVectorFormat.Native);
            mapped.Keys.Should().Equal(text.Keys);
            mapped.Matrix.SequenceEqual(text.Matrix).Should().BeTrue();
            mapped.Norms.SequenceEqual(text.Norms).Should().BeTrue();
        }
        finally
        {
            File.Delete(native);
        }
    }
}
