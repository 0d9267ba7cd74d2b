namespace NlpTransfer.Tests.Alignment;

/// <summary>
/// Plain scalar references for building and applying a map, written independently of the library. Compiled into both test
/// assemblies (the integration tests link this file).
/// </summary>
internal static class MatrixReference
{
    /// <summary>Rows x_i (row-major, <paramref name="rows"/> × <paramref name="d"/>) mapped to W x_i.</summary>
    public static float[] Rotate(ReadOnlySpan<float> x, int rows, int d, double[] w)
    {
        var y = new float[rows * d];
        for (int r = 0; r < rows; r++)
        {
            for (int i = 0; i < d; i++)
            {
                double sum = 0;
                for (int j = 0; j < d; j++)
                {
                    sum += w[i * d + j] * x[r * d + j];
                }

                y[r * d + i] = (float)sum;
            }
        }

        return y;
    }

    /// <summary>Classical Gram–Schmidt on the rows of <paramref name="q"/> (d × d, row-major), in place: the rows become orthonormal.</summary>
    public static void Orthonormalize(double[] q, int d)
    {
        for (int i = 0; i < d; i++)
        {
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
    }
}
