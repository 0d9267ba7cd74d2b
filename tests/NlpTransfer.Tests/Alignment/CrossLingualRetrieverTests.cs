using FluentAssertions;
using NlpTransfer.Alignment;
using Xunit;

namespace NlpTransfer.Tests.Alignment;

public sealed class CrossLingualRetrieverTests
{
    // Sizes that cross the 256-row and 2048-column tiles and the parallel split.
    [Theory]
    [InlineData(7, 13, 4, 3)]
    [InlineData(40, 300, 16, 10)]
    [InlineData(300, 2100, 24, 10)]
    public void Search_Csls_MatchesBruteForce(int sources, int targets, int d, int k)
    {
        // Arrange
        var random = new Random(sources);
        float[] x = AlignmentFixtures.RandomMatrix(random, sources, d);
        float[] y = AlignmentFixtures.RandomMatrix(random, targets, d);
        var retriever = CrossLingualRetriever.Create(x, sources, y, targets, d, k);
        int[] queries = Enumerable.Range(0, sources).Where(i => i % 3 == 0).ToArray();
        double[,] cos = BruteCosines(x, sources, y, targets, d);
        double[] rT = Enumerable.Range(0, sources).Select(i => MeanTop(Enumerable.Range(0, targets).Select(j => cos[i, j]), k)).ToArray();
        double[] rS = Enumerable.Range(0, targets).Select(j => MeanTop(Enumerable.Range(0, sources).Select(i => cos[i, j]), k)).ToArray();

        // Act
        RetrievalResult result = retriever.Search(queries, RetrievalMethod.Csls, 5);

        // Assert
        for (int i = 0; i < sources; i++)
        {
            retriever.SourceNeighborhood[i].Should().BeApproximately((float)rT[i], 1e-5f);
        }

        for (int j = 0; j < targets; j++)
        {
            retriever.TargetNeighborhood[j].Should().BeApproximately((float)rS[j], 1e-5f);
        }

        for (int q = 0; q < queries.Length; q++)
        {
            int i = queries[q];
            var expected = Enumerable.Range(0, targets).Select(j => (j, s: 2 * cos[i, j] - rT[i] - rS[j]))
                .OrderByDescending(t => t.s).ThenBy(t => t.j).Take(5).ToArray();
            for (int r = 0; r < 5; r++)
            {
                result.Scores(q)[r].Should().BeApproximately((float)expected[r].s, 2e-5f);
                if (r == 0 || expected[r].s - expected[r - 1].s < -1e-5)
                {
                    // Rank order is only checked where no near-tie can swap neighbours.
                    result.Indices(q)[r].Should().Be(expected[r].j, $"rank {r} of query {i}");
                }
            }
        }
    }

    [Theory]
    [InlineData(9, 30, 5)]
    [InlineData(300, 4200, 24)]
    public void Search_CslsOverEverySourceRow_SinglePassEqualsTwoPasses(int sources, int targets, int d)
    {
        // Arrange: the same data twice; the second retriever computes its neighbourhood terms first (two passes).
        var random = new Random(targets);
        float[] x = AlignmentFixtures.RandomMatrix(random, sources, d);
        float[] y = AlignmentFixtures.RandomMatrix(random, targets, d);
        var single = CrossLingualRetriever.Create(x, sources, y, targets, d);
        var twoPass = CrossLingualRetriever.Create(x, sources, y, targets, d);
        _ = twoPass.TargetNeighborhood;
        int[] all = Enumerable.Range(0, sources).ToArray();

        // Act
        RetrievalResult fused = single.Search(all, RetrievalMethod.Csls, 10);
        RetrievalResult reference = twoPass.Search(all, RetrievalMethod.Csls, 10);

        // Assert
        single.TargetNeighborhood.ToArray().Should().BeEquivalentTo(twoPass.TargetNeighborhood.ToArray(), o => o.Using<float>(
            c => c.Subject.Should().BeApproximately(c.Expectation, 1e-6f)).WhenTypeIs<float>());
        single.SourceNeighborhood.ToArray().Should().BeEquivalentTo(twoPass.SourceNeighborhood.ToArray(), o => o.Using<float>(
            c => c.Subject.Should().BeApproximately(c.Expectation, 1e-6f)).WhenTypeIs<float>());
        for (int q = 0; q < sources; q++)
        {
            fused.Indices(q)[0].Should().Be(reference.Indices(q)[0]);
            for (int r = 0; r < 10 && r < targets; r++)
            {
                fused.Scores(q)[r].Should().BeApproximately(reference.Scores(q)[r], 1e-5f);
            }
        }
    }

    [Fact]
    public void Search_NearestNeighbor_MatchesBruteForceCosines()
    {
        var random = new Random(3);
        const int n = 50, m = 70, d = 8;
        float[] x = AlignmentFixtures.RandomMatrix(random, n, d);
        float[] y = AlignmentFixtures.RandomMatrix(random, m, d);
        var retriever = CrossLingualRetriever.Create(x, n, y, m, d);
        double[,] cos = BruteCosines(x, n, y, m, d);

        RetrievalResult result = retriever.Search(Enumerable.Range(0, n).ToArray(), RetrievalMethod.NearestNeighbor, 3);

        for (int i = 0; i < n; i++)
        {
            int best = Enumerable.Range(0, m).OrderByDescending(j => cos[i, j]).First();
            result.Indices(i)[0].Should().Be(best);
            result.Scores(i)[0].Should().BeApproximately((float)cos[i, best], 1e-5f);
        }
    }

    [Fact]
    public void Search_EqualScores_RankLowerRowFirst()
    {
        float[] x = [1, 0];
        float[] y = [0, 1, 1, 0, 2, 0, 1, 0];

        RetrievalResult result = CrossLingualRetriever.Create(x, 1, y, 4, 2).Search([0], RetrievalMethod.NearestNeighbor, 4);

        result.Indices(0).ToArray().Should().Equal(1, 2, 3, 0);
    }

    [Fact]
    public void Search_MoreCandidatesThanTargets_PadsWithMinusOne()
    {
        RetrievalResult result = CrossLingualRetriever.Create([1f, 0f], 1, [1f, 0f, 0f, 1f], 2, 2).Search([0], RetrievalMethod.NearestNeighbor, 4);

        result.Indices(0).ToArray().Should().Equal(0, 1, -1, -1);
        float.IsNaN(result.Scores(0)[3]).Should().BeTrue();
    }

    [Fact]
    public void Reverse_Csls_RetrievesSourcesForTargets()
    {
        var random = new Random(8);
        float[] x = AlignmentFixtures.RandomMatrix(random, 30, 6);
        var retriever = CrossLingualRetriever.Create(x, 30, x, 30, 6, 5);

        RetrievalResult result = retriever.Reverse().Search(Enumerable.Range(0, 30).ToArray(), RetrievalMethod.Csls, 1);

        Enumerable.Range(0, 30).Select(i => result.Indices(i)[0]).Should().Equal(Enumerable.Range(0, 30));
        retriever.Reverse().SourceNeighborhood.ToArray().Should().Equal(retriever.TargetNeighborhood.ToArray());
    }

    [Fact]
    public void SearchVectors_Csls_UsesTheQueryOwnNeighbourhood()
    {
        var random = new Random(5);
        float[] x = AlignmentFixtures.RandomMatrix(random, 20, 4);
        float[] y = AlignmentFixtures.RandomMatrix(random, 25, 4);
        var retriever = CrossLingualRetriever.Create(x, 20, y, 25, 4, 3);

        RetrievalResult byRow = retriever.Search([7], RetrievalMethod.Csls, 3);
        RetrievalResult byVector = retriever.SearchVectors(x.AsSpan(7 * 4, 4), RetrievalMethod.Csls, 3);

        byVector.Indices(0).ToArray().Should().Equal(byRow.Indices(0).ToArray());
        byVector.Scores(0)[0].Should().BeApproximately(byRow.Scores(0)[0], 1e-5f);
    }

    [Fact]
    public void Create_DimensionMismatch_Throws()
    {
        var source = AlignmentFixtures.Vectors("s", new float[6], 3);
        var target = AlignmentFixtures.Vectors("t", new float[6], 2);

        var act = () => CrossLingualRetriever.Create(source, target);

        act.Should().Throw<ArgumentException>().WithMessage("Dimension mismatch: source vectors have 3 dimensions, target vectors 2.");
    }

    private static double[,] BruteCosines(float[] x, int n, float[] y, int m, int d)
    {
        var cos = new double[n, m];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < m; j++)
            {
                double dot = 0, nx = 0, ny = 0;
                for (int p = 0; p < d; p++)
                {
                    dot += (double)x[i * d + p] * y[j * d + p];
                    nx += (double)x[i * d + p] * x[i * d + p];
                    ny += (double)y[j * d + p] * y[j * d + p];
                }

                cos[i, j] = dot / Math.Sqrt(nx * ny);
            }
        }

        return cos;
    }

    private static double MeanTop(IEnumerable<double> values, int k) => values.OrderByDescending(v => v).Take(k).Average();
}
