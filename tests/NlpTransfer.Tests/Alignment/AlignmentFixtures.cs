using NlpTransfer.Alignment;
using NlpTransfer.Embeddings;

namespace NlpTransfer.Tests.Alignment;

/// <summary>Small random spaces for alignment tests.</summary>
internal static class AlignmentFixtures
{
    public static float[] RandomMatrix(Random random, int rows, int dimensions)
    {
        var values = new float[rows * dimensions];
        for (int i = 0; i < values.Length; i++)
        {
            // Box–Muller: Gaussian entries give well-spread directions.
            double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
            values[i] = (float)(Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        return values;
    }

    /// <summary>A random orthogonal matrix (row-major) from Gram–Schmidt on Gaussian rows.</summary>
    public static double[] RandomRotation(Random random, int d)
    {
        var q = new double[d * d];
        for (int i = 0; i < q.Length; i++)
        {
            double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
            q[i] = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }

        MatrixReference.Orthonormalize(q, d);
        return q;
    }

    public static WordVectors Vectors(string prefix, float[] matrix, int d) =>
        WordVectors.FromMatrix(Enumerable.Range(0, matrix.Length / d).Select(i => $"{prefix}{i}").ToArray(), matrix, d);

    /// <summary>A dictionary pairing s{i} with t{i} for the given rows.</summary>
    public static BilingualDictionary Identity(IEnumerable<int> rows) =>
        BilingualDictionary.FromPairs(rows.Select(i => ($"s{i}", $"t{i}")));
}
