using FluentAssertions;
using NlpTransfer.Embeddings;
using Xunit;

namespace NlpTransfer.Tests.Embeddings;

public sealed class EvaluationStatisticsTests
{
    // Reference figures from scipy 1.10.1: pearsonr, spearmanr and rankdata on these two samples.
    private static readonly double[] X = [1, 2, 2, 3, 5, 8, 8, 8, 10, 4.5];
    private static readonly double[] Y = [0.3, 0.1, 0.4, 0.4, 0.9, 0.7, 0.75, 0.2, 0.95, 0.5];

    [Fact]
    public void AverageRanks_Ties_ShareTheirMeanRank()
    {
        double[] ranks = EvaluationStatistics.AverageRanks(X);

        ranks.Should().Equal(1, 2.5, 2.5, 4, 6, 8, 8, 8, 10, 5);
    }

    [Fact]
    public void Pearson_SmallSample_MatchesScipy()
    {
        double r = EvaluationStatistics.Pearson(X, Y);

        r.Should().BeApproximately(0.6205571573836088, 1e-12);
        EvaluationStatistics.PearsonPValue(r, X.Length).Should().BeApproximately(0.0555712604640011, 1e-10);
    }

    [Fact]
    public void Spearman_SampleWithTies_MatchesScipy()
    {
        double rho = EvaluationStatistics.Spearman(X, Y);

        rho.Should().BeApproximately(0.6451108928117633, 1e-12);
        EvaluationStatistics.SpearmanPValue(rho, X.Length).Should().BeApproximately(0.043992514347858266, 1e-10);
    }

    [Fact]
    public void Pearson_ConstantSample_IsNaN()
    {
        EvaluationStatistics.Pearson([1, 1, 1], [1, 2, 3]).Should().Be(double.NaN);
    }

    [Fact]
    public void Pearson_PerfectlyLinear_IsOneWithZeroSpearmanPValue()
    {
        double r = EvaluationStatistics.Pearson([1, 2, 3, 4], [2, 4, 6, 8]);

        r.Should().BeApproximately(1.0, 1e-15);
        EvaluationStatistics.SpearmanPValue(1.0, 4).Should().Be(0.0);
    }

    [Fact]
    public void Pearson_DifferentLengths_Throws()
    {
        var act = () => EvaluationStatistics.Pearson([1, 2], [1, 2, 3]);

        act.Should().Throw<ArgumentException>().WithMessage("*same length*2*3*");
    }
}
