using FluentAssertions;
using NlpTransfer.Alignment;
using NlpTransfer.Embeddings;
using Xunit;

namespace NlpTransfer.Tests.Alignment;

public sealed class CrossLingualAlignerTests
{
    [Fact]
    public void Align_RotatedSpace_RecoversTheRotationExactly()
    {
        // Arrange: the target space is a random rotation of the source; the seed dictionary pairs 60 of 200 words.
        var random = new Random(21);
        const int n = 200, d = 16;
        float[] x = AlignmentFixtures.RandomMatrix(random, n, d);
        double[] rotation = AlignmentFixtures.RandomRotation(random, d);
        WordVectors source = AlignmentFixtures.Vectors("s", x, d);
        WordVectors target = AlignmentFixtures.Vectors("t", MatrixReference.Rotate(x, n, d, rotation), d);

        // Act
        AlignmentResult result = CrossLingualAligner.Align(source, target, AlignmentFixtures.Identity(Enumerable.Range(0, 60)));

        // Assert
        result.OrthogonalityError.Should().BeLessThan(1e-6);
        for (int i = 0; i < d * d; i++)
        {
            result.Map.Matrix[i].Should().BeApproximately(rotation[i], 1e-5);
        }

        BliReport report = BilingualLexiconInduction.Evaluate(source, target, AlignmentFixtures.Identity(Enumerable.Range(100, 100)), result.Map);
        report.PrecisionAt1.Should().Be(1.0);
        report.Evaluated.Should().Be(100);
    }

    [Fact]
    public void Align_WithRefinement_InducesTheTrueTranslationsAndReportsMeanCosine()
    {
        var random = new Random(5);
        const int n = 150, d = 12;
        float[] x = AlignmentFixtures.RandomMatrix(random, n, d);
        double[] rotation = AlignmentFixtures.RandomRotation(random, d);
        WordVectors source = AlignmentFixtures.Vectors("s", x, d);
        WordVectors target = AlignmentFixtures.Vectors("t", MatrixReference.Rotate(x, n, d, rotation), d);
        var reports = new List<RefinementIteration>();

        AlignmentResult result = CrossLingualAligner.Align(
            source, target, AlignmentFixtures.Identity(Enumerable.Range(0, 30)),
            new AlignmentOptions { RefinementIterations = 2, Normalization = [NormalizationStep.Unit] },
            new SynchronousProgress(reports.Add));

        result.Iterations.Should().HaveCount(2);
        reports.Should().Equal(result.Iterations);
        result.Iterations[^1].DictionarySize.Should().Be(n);
        result.Iterations[^1].MeanCosine.Should().BeApproximately(1.0, 1e-5);
        result.Iterations[^1].SeedPairsRecovered.Should().Be(30);
        result.Map.RefinementIterations.Should().Be(2);
        result.Map.TrainingPairs.Should().Be(n);
    }

    [Fact]
    public void Align_DimensionMismatch_ThrowsClearError()
    {
        WordVectors source = AlignmentFixtures.Vectors("s", new float[10], 5);
        WordVectors target = AlignmentFixtures.Vectors("t", new float[10], 2);

        var act = () => CrossLingualAligner.Align(source, target, AlignmentFixtures.Identity([0]));

        act.Should().Throw<ArgumentException>().WithMessage("Dimension mismatch: source vectors have 5 dimensions, target vectors 2*");
    }

    [Fact]
    public void Align_EmptyDictionary_ThrowsClearError()
    {
        WordVectors vectors = AlignmentFixtures.Vectors("s", new float[4], 2);
        var empty = BilingualDictionary.Load(new StringReader("\n\n"), "empty.txt");

        var act = () => CrossLingualAligner.Align(vectors, vectors, empty);

        act.Should().Throw<InvalidDataException>().WithMessage("empty.txt: the dictionary is empty*");
    }

    [Fact]
    public void Align_AllOutOfVocabulary_ThrowsWithCountsAndExamples()
    {
        WordVectors source = AlignmentFixtures.Vectors("s", new float[4], 2);
        WordVectors target = AlignmentFixtures.Vectors("t", new float[4], 2);
        var dictionary = BilingualDictionary.Load(new StringReader("x y\ns0 zz\n"), "oov.txt");

        var act = () => CrossLingualAligner.Align(source, target, dictionary);

        act.Should().Throw<InvalidDataException>()
            .WithMessage("oov.txt: none of the 2 pairs has both words in the vocabularies (1 source and 1 target words missing; e.g. 'x y', 's0 zz').");
    }

    private sealed class SynchronousProgress(Action<RefinementIteration> report) : IProgress<RefinementIteration>
    {
        public void Report(RefinementIteration value) => report(value);
    }
}
