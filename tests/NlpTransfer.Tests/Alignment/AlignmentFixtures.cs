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
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
                q[i * d + j] = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            }

            for (int r = 0; r < i; r++)
            {
                double dot = 0;
                for (int j = 0; j < d; j++)
                {
                    dot += q[i * d + j] * q[r * d + j];
                }

                for (int j = 0; j < d; j++)
                {
                    q[i * d + j] -= dot * q[r * d + j];
                }
            }

            double norm = 0;
            for (int j = 0; j < d; j++)
            {
                norm += q[i * d + j] * q[i * d + j];
            }

            norm = Math.Sqrt(norm);
            for (int j = 0; j < d; j++)
            {
                q[i * d + j] /= norm;
            }
        }

        return q;
    }

    public static WordVectors Vectors(string prefix, float[] matrix, int d) =>
        WordVectors.FromMatrix(Enumerable.Range(0, matrix.Length / d).Select(i => $"{prefix}{i}").ToArray(), matrix, d);

    /// <summary>A dictionary pairing s{i} with t{i} for the given rows.</summary>
    public static BilingualDictionary Identity(IEnumerable<int> rows) =>
        BilingualDictionary.FromPairs(rows.Select(i => ($"s{i}", $"t{i}")));
}
