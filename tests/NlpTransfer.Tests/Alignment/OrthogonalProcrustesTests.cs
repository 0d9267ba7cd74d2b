using FluentAssertions;
using NlpTransfer.Alignment;
using Xunit;

namespace NlpTransfer.Tests.Alignment;

public sealed class OrthogonalProcrustesTests
{
    [Theory]
    [InlineData(2, 5)]
    [InlineData(10, 40)]
    [InlineData(50, 300)]
    public void Solve_RotatedCopy_RecoversTheRotation(int d, int pairs)
    {
        // Arrange
        var random = new Random(d);
        float[] x = AlignmentFixtures.RandomMatrix(random, pairs, d);
        double[] rotation = AlignmentFixtures.RandomRotation(random, d);
        float[] y = MatrixReference.Rotate(x, pairs, d, rotation);
        int[] rows = Enumerable.Range(0, pairs).ToArray();

        // Act
        double[] w = OrthogonalProcrustes.Solve(x, y, d, rows, rows);

        // Assert: float inputs carry ~1e-7 relative error, so W matches to ~1e-5.
        for (int i = 0; i < w.Length; i++)
        {
            w[i].Should().BeApproximately(rotation[i], 1e-5);
        }
    }

    [Fact]
    public void Solve_NoisyPairs_GivesOrthogonalMatrix()
    {
        var random = new Random(2);
        const int d = 30, n = 200;
        float[] x = AlignmentFixtures.RandomMatrix(random, n, d);
        float[] y = AlignmentFixtures.RandomMatrix(random, n, d);
        int[] rows = Enumerable.Range(0, n).ToArray();

        double[] w = OrthogonalProcrustes.Solve(x, y, d, rows, rows);

        OrthogonalProcrustes.OrthogonalityError(w, d).Should().BeLessThan(1e-6);
    }

    [Fact]
    public void Solve_SingularValues_AreDescendingAndNonNegative()
    {
        var random = new Random(4);
        float[] x = AlignmentFixtures.RandomMatrix(random, 20, 5);
        int[] rows = Enumerable.Range(0, 20).ToArray();
        var s = new double[5];

        OrthogonalProcrustes.Solve(x, x, 5, rows, rows, s);

        s.Should().BeInDescendingOrder().And.OnlyContain(v => v >= 0);
    }

    [Fact]
    public void Solve_NoPairs_ThrowsNamingTheDictionary()
    {
        var act = () => OrthogonalProcrustes.Solve(new float[4], new float[4], 2, [], []);

        act.Should().Throw<ArgumentException>().WithMessage("*at least one pair*");
    }

    [Fact]
    public void OrthogonalityError_ScaledIdentity_IsReported()
    {
        double[] w = [2, 0, 0, 2];

        OrthogonalProcrustes.OrthogonalityError(w, 2).Should().BeApproximately(3, 1e-12);
    }
}
