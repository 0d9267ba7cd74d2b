using FluentAssertions;
using NlpTransfer.Alignment;
using NlpTransfer.Embeddings;
using Xunit;

namespace NlpTransfer.Tests.Alignment;

public sealed class BilingualLexiconInductionTests
{
    [Fact]
    public void Evaluate_AnyGoldTranslationCounts_AndCoverageIsStated()
    {
        // Arrange: target words are the source words themselves, so each source retrieves its own row first.
        float[] m = [1, 0, 0, 1, -1, 0, 0, -1];
        WordVectors source = WordVectors.FromMatrix(["a", "b", "c", "d"], m, 2);
        WordVectors target = WordVectors.FromMatrix(["A", "B", "C", "D"], m, 2);
        var test = BilingualDictionary.FromPairs([("a", "X"), ("a", "A"), ("b", "C"), ("c", "zz"), ("q", "A"), ("d", "D")]);

        // Act
        BliReport report = BilingualLexiconInduction.Evaluate(source, target, test, options: new BliOptions { Method = RetrievalMethod.NearestNeighbor });

        // Assert: a (gold A among X, A) is right at 1; b (gold C, orthogonal to b) ranks third after B and A (tie with C broken by lower row); c has no gold in vocabulary.
        report.TestSources.Should().Be(5);
        report.TestSourcesInVocabulary.Should().Be(4);
        report.Evaluated.Should().Be(3);
        report.TestPairsInVocabulary.Should().Be(3);
        report.HitsAt1.Should().Be(2);
        report.PrecisionAt1.Should().BeApproximately(2 / 3.0, 1e-12);
        report.PrecisionAt10.Should().Be(1.0);
        report.Predictions.Select(p => p.Source).Should().Equal("a", "b", "d");
        report.Predictions[0].Gold.Should().Equal("A");
        report.Predictions[1].Rank.Should().Be(3);
    }

    [Fact]
    public void Evaluate_MapOfAnotherDimension_ThrowsClearError()
    {
        WordVectors vectors = WordVectors.FromMatrix(["a"], [1f, 0f, 0f], 3);
        var map = CrossLingualMap.FromMatrix([1, 0, 0, 1], 2);

        var act = () => BilingualLexiconInduction.Evaluate(vectors, vectors, BilingualDictionary.FromPairs([("a", "a")]), map);

        act.Should().Throw<ArgumentException>().WithMessage("Dimension mismatch: the map is 2-dimensional, the source vectors have 3 dimensions*");
    }

    [Fact]
    public void Evaluate_NoWordEvaluable_ThrowsClearError()
    {
        WordVectors vectors = WordVectors.FromMatrix(["a"], [1f, 0f], 2);
        var test = BilingualDictionary.Load(new StringReader("a nothing\nb a\n"), "test.txt");

        var act = () => BilingualLexiconInduction.Evaluate(vectors, vectors, test);

        act.Should().Throw<InvalidDataException>().WithMessage("test.txt: no test word can be evaluated: 1 of 2 source words*");
    }
}
