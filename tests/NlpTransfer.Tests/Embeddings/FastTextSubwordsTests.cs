using FluentAssertions;
using NlpTransfer.Embeddings;
using Xunit;

namespace NlpTransfer.Tests.Embeddings;

public sealed class FastTextSubwordsTests
{
    private const int Dim = 3;
    private const int Buckets = 50;
    private static readonly string[] Words = ["the", "</s>", "café", "и"];

    private static (WordVectors Vectors, float[] Input) LoadModel(bool oldLayout = false, WordVectorLoadOptions? options = null)
    {
        var random = new Random(3);
        var input = new float[(Words.Length + Buckets) * Dim];
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = (float)(random.NextDouble() - 0.5);
        }

        byte[] model = FastTextModelWriter.Write(Words, input, Dim, Buckets, minn: 2, maxn: 4, oldLayout);
        return (WordVectors.Load(new MemoryStream(model), WordVectorFormat.Auto, options), input);
    }

    private static float[] ReferenceVector(float[] input, List<int> rows)
    {
        var sum = new float[Dim];
        foreach (int row in rows)
        {
            for (int d = 0; d < Dim; d++)
            {
                sum[d] += input[row * Dim + d];
            }
        }

        float scale = (float)(1.0 / rows.Count);
        return sum.Select(v => v * scale).ToArray();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void GetSubwordRows_AnyWord_EqualsReferenceNgramsWithSignedByteHash(bool oldLayout)
    {
        var (vectors, _) = LoadModel(oldLayout);

        foreach (string word in new[] { "the", "café", "и", "thé", "日本語", "👍🏽", "cafe\u0301", "x" })
        {
            int id = Array.IndexOf(Words, word);
            vectors.Subwords!.GetSubwordRows(word).Should().Equal(FastTextModelWriter.ReferenceRows(word, id, Words.Length, Buckets, 2, 4), word);
        }
    }

    [Fact]
    public void Load_FastTextBin_KeyRowsAreWordPlusNgramAverage()
    {
        var (vectors, input) = LoadModel();

        vectors.Source.Format.Should().Be(WordVectorFormat.FastTextBinary);
        vectors.Keys.Should().Equal(Words);
        for (int id = 0; id < Words.Length; id++)
        {
            var expected = ReferenceVector(input, FastTextModelWriter.ReferenceRows(Words[id], id, Words.Length, Buckets, 2, 4));
            vectors[id].ToArray().Should().Equal(expected, Words[id]);
        }
    }

    [Fact]
    public void TryGetOrBuildVector_UnknownWord_AveragesNgramRowsOnly()
    {
        var (vectors, input) = LoadModel();
        var actual = new float[Dim];

        bool made = vectors.TryGetOrBuildVector("thé", actual);

        made.Should().BeTrue();
        vectors.Contains("thé").Should().BeFalse();
        vectors.CanMakeVector("thé").Should().BeTrue();
        actual.Should().Equal(ReferenceVector(input, FastTextModelWriter.ReferenceRows("thé", -1, Words.Length, Buckets, 2, 4)));
    }

    [Fact]
    public void TryGetOrBuildVector_EndOfSentence_OwnRowWhenKnownZeroWhenNot()
    {
        var (vectors, input) = LoadModel();
        var (withoutEos, _) = LoadModel(options: new WordVectorLoadOptions { MaxWords = 1 });
        var actual = new float[Dim];

        vectors[1].ToArray().Should().Equal(input.AsSpan(Dim, Dim).ToArray());
        withoutEos.TryGetOrBuildVector("</s>", actual).Should().BeTrue("</s> is still in the model's dictionary, only cut from the keys");
        actual.Should().Equal(input.AsSpan(Dim, Dim).ToArray());
        withoutEos.Contains("</s>").Should().BeFalse();
    }

    [Fact]
    public void CanBuild_UnknownEndOfSentenceOrNoNgrams_False()
    {
        var words = new[] { "the" };
        var input = new float[(1 + Buckets) * Dim];
        byte[] model = FastTextModelWriter.Write(words, input, Dim, Buckets, minn: 3, maxn: 3);
        using var vectors = WordVectors.Load(new MemoryStream(model), WordVectorFormat.FastTextBinary);
        var actual = new float[Dim];

        vectors.CanMakeVector("</s>").Should().BeFalse();
        vectors.TryGetOrBuildVector("</s>", actual).Should().BeFalse();
        vectors.CanMakeVector("").Should().BeFalse("'<>' has two characters, fewer than minn 3");
        vectors.CanMakeVector("a").Should().BeTrue("'<a>' is one 3-gram");
    }

    [Fact]
    public void Load_QuantizedModel_ThrowsNotSupported()
    {
        byte[] model = FastTextModelWriter.Write(["a"], new float[(1 + Buckets) * Dim], Dim, Buckets, 2, 4, quantized: true);

        var act = () => WordVectors.Load(new MemoryStream(model), WordVectorFormat.Auto);

        act.Should().Throw<NotSupportedException>().WithMessage("stream: quantised fastText models*");
    }

    [Fact]
    public void Properties_FromModelArguments()
    {
        var (vectors, _) = LoadModel();

        vectors.Subwords!.MinN.Should().Be(2);
        vectors.Subwords.MaxN.Should().Be(4);
        vectors.Subwords.BucketCount.Should().Be(Buckets);
        vectors.Subwords.WordCount.Should().Be(Words.Length);
        vectors.Source.FastText!.Model.Should().Be("sg");
        vectors.Source.FastText.Version.Should().Be(12);
    }
}
