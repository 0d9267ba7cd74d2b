namespace NlpTransfer.Tests.Encoders;

/// <summary>
/// Plain scalar references for pooling and cosine, written independently of the library. Compiled into both test
/// assemblies (the integration tests link this file).
/// </summary>
internal static class EncoderReference
{
    public static float[] Pool(float[] states, int tokens, int dimensions, string mode)
    {
        var result = new float[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            double acc = mode == "max" ? double.NegativeInfinity : 0;
            for (var t = 0; t < (mode == "cls" ? 1 : tokens); t++)
            {
                var x = states[t * dimensions + d];
                acc = mode == "max" ? Math.Max(acc, x) : acc + x;
            }

            result[d] = (float)(mode == "mean" ? acc / tokens : acc);
        }

        return result;
    }

    public static float[] Normalized(float[] vector)
    {
        var norm = Math.Sqrt(vector.Sum(x => (double)x * x));
        return vector.Select(x => (float)(x / norm)).ToArray();
    }

    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }

        return dot / Math.Sqrt(na * nb);
    }
}
