using FluentAssertions;
using NlpTransfer.Embeddings;
using NlpTransfer.Encoders;
using Xunit;

namespace NlpTransfer.Tests.Encoders;

public sealed class WordVectorEncoderTests
{
    private static WordVectors Vectors() => WordVectors.FromMatrix(
        ["good", "film", "bad", "the", "don"],
        [1f, 0f, 0f,
         0f, 1f, 0f,
         -1f, 0f, 0f,
         0f, 0f, 1f,
         0f, 2f, 2f], 3);

    [Fact]
    public void Tokenize_LetterRuns_SplitsOnDigitsApostrophesAndPunctuationAndLowercases()
    {
        WordVectorEncoder encoder = WordVectorEncoder.Create(Vectors());

        encoder.Tokenize("Don't re-imagine 1930s FILMS, naïve!").Should().Equal("don", "t", "re", "imagine", "s", "films", "naïve");
    }

    [Fact]
    public void Encode_KnownWords_GivesTheirMeanSkippingUnknownWords()
    {
        WordVectorEncoder encoder = WordVectorEncoder.Create(Vectors());
        var vector = new float[3];

        WordVectorEncoderCoverage coverage = encoder.Encode("Good film, unknownword!", vector);

        vector.Should().Equal(0.5f, 0.5f, 0f);
        coverage.Should().Be(new WordVectorEncoderCoverage(3, 2));
    }

    [Fact]
    public void Encode_ZeroPolicy_DividesByAllWords()
    {
        WordVectorEncoder encoder = WordVectorEncoder.Create(Vectors(), new WordVectorEncoderOptions { OovPolicy = WordVectorEncoderOovPolicy.Zero });
        var vector = new float[3];

        encoder.Encode("good film xyz zzz", vector);

        vector.Should().Equal(0.25f, 0.25f, 0f);
    }

    [Fact]
    public void Encode_AllOutOfVocabulary_GivesZeroVectorAndFlag()
    {
        WordVectorEncoder encoder = WordVectorEncoder.Create(Vectors());
        var destination = new float[6];
        var flags = new bool[2];

        encoder.Encode(["qwerty 123", "the"], destination, flags);

        destination.Should().Equal(0f, 0f, 0f, 0f, 0f, 1f);
        flags.Should().Equal(true, false);
    }

    [Fact]
    public void Encode_Sif_WeighsWordsByInverseFrequency()
    {
        // p(the) = 900/1000, p(good) = 100/1000; a = 0.1: weights 0.1/1.0 = 0.1 and 0.1/0.2 = 0.5.
        var frequencies = new Dictionary<string, long> { ["the"] = 900, ["good"] = 100 };
        WordVectorEncoder encoder = WordVectorEncoder.Create(Vectors(), new WordVectorEncoderOptions
        {
            Weighting = WordVectorEncoderWeighting.Sif, WordFrequencies = frequencies, SifA = 0.1,
        });
        var vector = new float[3];

        encoder.Encode("the good film", vector);

        // (0.1·the + 0.5·good + 1·film) / 3; "film" is absent from the list: p = 0, weight 1.
        vector.Should().Equal([0.5f / 3, 1f / 3, 0.1f / 3], (a, b) => Math.Abs(a - b) < 1e-6f);
    }

    [Fact]
    public void Create_SifWithoutFrequencies_Throws()
    {
        Action act = () => WordVectorEncoder.Create(Vectors(), new WordVectorEncoderOptions { Weighting = WordVectorEncoderWeighting.Sif });

        act.Should().Throw<ArgumentException>().WithMessage("*needs WordFrequencies*");
    }

    [Fact]
    public void WithCommonComponentRemoved_Corpus_MakesVectorsOrthogonalToTheComponent()
    {
        // Text vectors (±1, 0, 3)/4: XᵀX = diag(2, 0, 18)/16, so the first singular vector is exactly (0, 0, 1).
        WordVectorEncoder encoder = WordVectorEncoder.Create(Vectors());
        string[] corpus = ["the the the good", "the the the bad"];

        WordVectorEncoder removed = encoder.WithCommonComponentRemoved(corpus);
        var plain = new float[3];
        var vector = new float[3];
        encoder.Encode("the the the", plain);
        removed.Encode("the the the", vector);

        plain.Should().Equal(0f, 0f, 1f);
        vector.Should().Equal([0f, 0f, 0f], (a, b) => Math.Abs(a - b) < 1e-5f);
        removed.Encode("good", vector);
        vector.Should().Equal([1f, 0f, 0f], (a, b) => Math.Abs(a - b) < 1e-5f);
        removed.Identity.Should().NotBe(encoder.Identity).And.Contain("/pc1-");
    }

    [Fact]
    public void Identity_DependsOnOptionsAndVectorsButNotOnInstance()
    {
        string a = WordVectorEncoder.Create(Vectors()).Identity;
        string b = WordVectorEncoder.Create(Vectors()).Identity;
        string cased = WordVectorEncoder.Create(Vectors(), new WordVectorEncoderOptions { Lowercase = false }).Identity;
        string other = WordVectorEncoder.Create(WordVectors.FromMatrix(["x"], [1f, 2f, 3f], 3)).Identity;

        a.Should().Be(b).And.StartWith("word-vector-mean/letters/lower/oov-skip@3d-sha256:");
        cased.Should().NotBe(a);
        other.Should().NotBe(a);
    }

    [Fact]
    public void ReadFrequencies_BadLine_ThrowsNamingLine()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("nlpt-freq").FullName, "f.txt");
        File.WriteAllText(path, "the 100\ngood ten\n");

        Action act = () => WordVectorEncoder.ReadFrequencies(path);

        act.Should().Throw<InvalidDataException>().WithMessage($"{path}:2: expected 'word count'*");
    }

    [Fact]
    public void Encode_NullText_Throws()
    {
        WordVectorEncoder encoder = WordVectorEncoder.Create(Vectors());

        Action act = () => encoder.Encode(["ok", null!], new float[6]);

        act.Should().Throw<ArgumentException>().WithMessage("Text 1 is null*");
    }
}
