using MathNet.Numerics.LinearAlgebra;

namespace NlpTransfer.Alignment;

/// <summary>
/// The orthogonal Procrustes problem: the orthogonal W minimising Σᵢ ‖W xᵢ − yᵢ‖² over pairs (xᵢ, yᵢ) is W = U Vᵀ,
/// where U Σ Vᵀ is the singular value decomposition of the cross-covariance M = Σᵢ yᵢ xᵢᵀ = Yᵀ X
/// (Schönemann 1966; used for word translation by Xing et al. 2015 and Conneau et al. 2018, "Word Translation
/// Without Parallel Data"). Solved in double precision with MathNet.Numerics.
/// </summary>
public static class OrthogonalProcrustes
{
    /// <summary>
    /// Solves for W (row-major <paramref name="dimensions"/> × <paramref name="dimensions"/>, so that W x ≈ y) from the
    /// rows <paramref name="sourceRows"/>[i] of <paramref name="source"/> and <paramref name="targetRows"/>[i] of
    /// <paramref name="target"/>.
    /// </summary>
    /// <param name="source">Source matrix, row-major, <paramref name="dimensions"/> columns.</param>
    /// <param name="target">Target matrix, row-major, same dimension.</param>
    /// <param name="dimensions">Columns of both matrices.</param>
    /// <param name="sourceRows">Source row of each pair.</param>
    /// <param name="targetRows">Target row of each pair (same count).</param>
    /// <param name="singularValues">When not empty (length <paramref name="dimensions"/>), receives Σ in descending order.</param>
    /// <returns>W, row-major: (W x)ᵢ = Σⱼ W[i·d + j] xⱼ.</returns>
    /// <exception cref="ArgumentException">No pairs, unequal pair lists, or a row out of range.</exception>
    public static double[] Solve(
        ReadOnlySpan<float> source, ReadOnlySpan<float> target, int dimensions,
        IReadOnlyList<int> sourceRows, IReadOnlyList<int> targetRows, Span<double> singularValues = default)
    {
        ArgumentNullException.ThrowIfNull(sourceRows);
        ArgumentNullException.ThrowIfNull(targetRows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        if (sourceRows.Count != targetRows.Count)
        {
            throw new ArgumentException($"Expected as many target rows as source rows ({sourceRows.Count}), found {targetRows.Count}.");
        }

        if (sourceRows.Count == 0)
        {
            throw new ArgumentException("Procrustes needs at least one pair of vectors; the dictionary gave none in vocabulary.");
        }

        int sourceCount = source.Length / dimensions, targetCount = target.Length / dimensions;
        var m = new double[dimensions, dimensions];
        var x = new double[dimensions];
        for (int p = 0; p < sourceRows.Count; p++)
        {
            int s = sourceRows[p], t = targetRows[p];
            if ((uint)s >= (uint)sourceCount || (uint)t >= (uint)targetCount)
            {
                throw new ArgumentException($"Pair {p}: rows ({s}, {t}) out of range [0, {sourceCount}) × [0, {targetCount}).");
            }

            ReadOnlySpan<float> xs = source.Slice(s * dimensions, dimensions);
            ReadOnlySpan<float> yt = target.Slice(t * dimensions, dimensions);
            for (int j = 0; j < dimensions; j++)
            {
                x[j] = xs[j];
            }

            for (int i = 0; i < dimensions; i++)
            {
                double yi = yt[i];
                for (int j = 0; j < dimensions; j++)
                {
                    m[i, j] += yi * x[j];
                }
            }
        }

        var svd = Matrix<double>.Build.DenseOfArray(m).Svd(computeVectors: true);
        Matrix<double> w = svd.U * svd.VT;
        if (!singularValues.IsEmpty)
        {
            for (int i = 0; i < Math.Min(singularValues.Length, dimensions); i++)
            {
                singularValues[i] = svd.S[i];
            }
        }

        var result = new double[dimensions * dimensions];
        for (int i = 0; i < dimensions; i++)
        {
            for (int j = 0; j < dimensions; j++)
            {
                result[i * dimensions + j] = w[i, j];
            }
        }

        return result;
    }

    /// <summary>max |(WᵀW − I)ᵢⱼ|: how far a row-major square matrix is from orthogonal.</summary>
    public static double OrthogonalityError(ReadOnlySpan<double> w, int dimensions)
    {
        double worst = 0;
        for (int i = 0; i < dimensions; i++)
        {
            for (int j = 0; j < dimensions; j++)
            {
                double sum = 0;
                for (int r = 0; r < dimensions; r++)
                {
                    sum += w[r * dimensions + i] * w[r * dimensions + j];
                }

                worst = Math.Max(worst, Math.Abs(sum - (i == j ? 1 : 0)));
            }
        }

        return worst;
    }
}
