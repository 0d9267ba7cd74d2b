using FluentAssertions;
using NlpTransfer.Numerics;
using Xunit;

namespace NlpTransfer.Tests.Numerics;

public sealed class MatrixProductTests
{
    // Kernel names (MatrixKernel is internal, so theory parameters carry its name).
    public static TheoryData<string> Kernels()
    {
        var data = new TheoryData<string> { nameof(MatrixKernel.Scalar), nameof(MatrixKernel.Vector256) };
        if (System.Runtime.Intrinsics.X86.Fma.IsSupported)
        {
            data.Add(nameof(MatrixKernel.Fma));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void MultiplyTransposed_EveryShapeUpTo24_MatchesScalarReference(string kernel)
    {
        var random = new Random(11);
        int[] depths = [1, 2, 3, 7, 8, 9, 16, 17, 31];
        for (int m = 1; m <= 24; m++)
        {
            for (int n = 1; n <= 24; n++)
            {
                int k = depths[(m * 31 + n) % depths.Length];
                AssertMatchesReference(random, m, n, k, Enum.Parse<MatrixKernel>(kernel));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void MultiplyTransposed_EveryDepthUpTo300_MatchesScalarReference(string kernel)
    {
        var random = new Random(5);
        for (int k = 1; k <= 300; k++)
        {
            AssertMatchesReference(random, 7, 17, k, Enum.Parse<MatrixKernel>(kernel));
        }
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void MultiplyTransposed_ShapesCrossingEveryBlockBoundary_MatchesScalarReference(string kernel)
    {
        var random = new Random(3);
        // 97/193 rows cross the 96-row A block, 2051 columns the 2048-column B panel, depth 513 two 256-deep panels;
        // the larger ones also split over threads.
        foreach (var (m, n, k) in new[] { (97, 33, 257), (193, 40, 513), (5, 2051, 300), (300, 301, 50), (1, 4099, 64) })
        {
            AssertMatchesReference(random, m, n, k, Enum.Parse<MatrixKernel>(kernel));
        }
    }

    [Fact]
    public void MultiplyTransposed_DefaultKernel_MatchesScalarReference()
    {
        var random = new Random(9);
        foreach (var (m, n, k) in new[] { (1, 1, 1), (3, 5, 7), (17, 33, 65), (64, 9, 300), (150, 1000, 300) })
        {
            float[] a = RandomMatrix(random, m * k);
            float[] b = RandomMatrix(random, n * k);
            var c = new float[m * n];

            MatrixProduct.MultiplyTransposed(a, m, b, n, k, c);

            AssertClose(c, Reference(a, m, b, n, k), m, n, k);
        }
    }

    [Fact]
    public void MultiplyTransposed_PreviousContentOfC_IsOverwritten()
    {
        var random = new Random(1);
        float[] a = RandomMatrix(random, 40 * 600);
        float[] b = RandomMatrix(random, 30 * 600);
        float[] c = Enumerable.Repeat(123f, 40 * 30).ToArray();

        MatrixProduct.MultiplyTransposed(a, 40, b, 30, 600, c, MatrixProduct.Preferred);

        AssertClose(c, Reference(a, 40, b, 30, 600), 40, 30, 600);
    }

    [Fact]
    public void MultiplyTransposed_ZeroDepth_GivesZeros()
    {
        float[] c = [1f, 2f, 3f, 4f];

        MatrixProduct.MultiplyTransposed([], 2, [], 2, 0, c);

        c.Should().OnlyContain(v => v == 0f);
    }

    [Fact]
    public void MultiplyTransposed_WrongLengths_Throws()
    {
        var act = () => MatrixProduct.MultiplyTransposed(new float[6], 2, new float[6], 2, 3, new float[3]);

        act.Should().Throw<ArgumentException>().WithMessage("*C 3 for 2×2*");
    }

    private static void AssertMatchesReference(Random random, int m, int n, int k, MatrixKernel kernel)
    {
        float[] a = RandomMatrix(random, m * k);
        float[] b = RandomMatrix(random, n * k);
        var c = new float[m * n];

        MatrixProduct.MultiplyTransposed(a, m, b, n, k, c, kernel);

        AssertClose(c, Reference(a, m, b, n, k), m, n, k);
    }

    private static float[] RandomMatrix(Random random, int length)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return values;
    }

    private static double[] Reference(float[] a, int m, float[] b, int n, int k)
    {
        var c = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++)
                {
                    sum += (double)a[i * k + p] * b[j * k + p];
                }

                c[i * n + j] = sum;
            }
        }

        return c;
    }

    // Float sums of k products of values in [-1, 1] carry an error of about k · 2⁻²⁴ · Σ|aᵢbᵢ| ≤ k² · 6e-8.
    private static void AssertClose(float[] actual, double[] expected, int m, int n, int k)
    {
        double tolerance = 1e-6 + 1e-7 * k * Math.Sqrt(k);
        for (int i = 0; i < actual.Length; i++)
        {
            if (Math.Abs(actual[i] - expected[i]) > tolerance)
            {
                throw new Xunit.Sdk.XunitException(
                    $"{m}×{n}×{k}: C[{i / n},{i % n}] = {actual[i]}, expected {expected[i]} ± {tolerance}.");
            }
        }
    }
}
