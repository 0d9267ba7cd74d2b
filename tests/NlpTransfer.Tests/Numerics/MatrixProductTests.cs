using FluentAssertions;
using NlpTransfer.Numerics;
using Xunit;

namespace NlpTransfer.Tests.Numerics;

public sealed class MatrixProductTests
{
    [Fact]
    public void MultiplyTransposed_RandomShapes_MatchesScalarReference()
    {
        var random = new Random(3);
        foreach (var (m, n, k) in new[] { (1, 1, 1), (3, 5, 7), (17, 33, 65), (64, 9, 300) })
        {
            float[] a = Enumerable.Range(0, m * k).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
            float[] b = Enumerable.Range(0, n * k).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
            var c = new float[m * n];

            MatrixProduct.MultiplyTransposed(a, m, b, n, k, c);

            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double expected = 0;
                    for (int p = 0; p < k; p++)
                    {
                        expected += (double)a[i * k + p] * b[j * k + p];
                    }

                    c[i * n + j].Should().BeApproximately((float)expected, 1e-4f + 1e-5f * Math.Abs((float)expected));
                }
            }
        }
    }
}
