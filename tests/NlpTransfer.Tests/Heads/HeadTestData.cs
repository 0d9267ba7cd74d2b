using NlpTransfer.Data;

namespace NlpTransfer.Tests.Heads;

/// <summary>Small synthetic datasets for head tests.</summary>
internal static class HeadTestData
{
    /// <summary>Gaussian blobs around well-separated class centres: linearly separable with a margin.</summary>
    public static EncodedDataset Blobs(int perClass, int classes, int dimensions, int seed, float spread = 0.3f, LabelMap? labels = null)
    {
        var random = new Random(seed);
        var centres = new float[classes * dimensions];
        var centreRandom = new Random(1234);
        for (int i = 0; i < centres.Length; i++)
        {
            centres[i] = (float)(centreRandom.NextDouble() * 4 - 2);
        }

        int n = perClass * classes;
        var features = new float[n * dimensions];
        var indices = new List<int[]>(n);
        for (int i = 0; i < n; i++)
        {
            int c = i % classes;
            for (int d = 0; d < dimensions; d++)
            {
                features[i * dimensions + d] = centres[c * dimensions + d] + spread * Gaussian(random);
            }

            indices.Add([c]);
        }

        labels ??= LabelMap.FromLabels(Enumerable.Range(0, classes).Select(c => $"c{c}"));
        return EncodedDataset.FromArrays(features, dimensions, indices, labels, multiLabel: false);
    }

    /// <summary>Multi-label data: label k is on when feature k is positive (plus noise features).</summary>
    public static EncodedDataset MultiLabel(int n, int classes, int dimensions, int seed, LabelMap? labels = null)
    {
        var random = new Random(seed);
        var features = new float[n * dimensions];
        var indices = new List<int[]>(n);
        for (int i = 0; i < n; i++)
        {
            var on = new List<int>();
            for (int d = 0; d < dimensions; d++)
            {
                float value = Gaussian(random);
                if (d < classes && Math.Abs(value) < 0.2f)
                {
                    value = value < 0 ? -0.2f : 0.2f;
                }

                features[i * dimensions + d] = value;
                if (d < classes && value > 0)
                {
                    on.Add(d);
                }
            }

            indices.Add([.. on]);
        }

        labels ??= LabelMap.FromLabels(Enumerable.Range(0, classes).Select(c => $"l{c}"));
        return EncodedDataset.FromArrays(features, dimensions, indices, labels, multiLabel: true);
    }

    public static float Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }
}
