using MathNet.Numerics;

namespace NlpTransfer.Embeddings;

/// <summary>Correlation coefficients and their p-values for the intrinsic evaluations, in double precision.</summary>
internal static class EvaluationStatistics
{
    /// <summary>Pearson's r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²), clipped to [−1, 1]; NaN when either side is constant or n &lt; 2.</summary>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n = x.Length;
        if (n != y.Length)
        {
            throw new ArgumentException($"Expected two samples of the same length, found {x.Length} and {y.Length}.", nameof(y));
        }

        if (n < 2)
        {
            return double.NaN;
        }

        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++)
        {
            meanX += x[i];
            meanY += y[i];
        }

        meanX /= n;
        meanY /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        if (sxx == 0 || syy == 0)
        {
            return double.NaN;
        }

        return Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1.0, 1.0);
    }

    /// <summary>Spearman's ρ: Pearson's r of the ranks, tied values sharing the average of their ranks.</summary>
    public static double Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => Pearson(AverageRanks(x), AverageRanks(y));

    /// <summary>1-based ranks; a run of equal values gets the mean of the ranks it spans.</summary>
    public static double[] AverageRanks(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        double[] sorted = values.ToArray();
        int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(sorted, order);
        double[] ranks = new double[n];
        int start = 0;
        while (start < n)
        {
            int end = start + 1;
            while (end < n && sorted[end] == sorted[start])
            {
                end++;
            }

            // Ranks start+1 … end share their mean.
            double rank = (start + 1 + end) / 2.0;
            for (int i = start; i < end; i++)
            {
                ranks[order[i]] = rank;
            }

            start = end;
        }

        return ranks;
    }

    /// <summary>
    /// Two-sided p-value of Pearson's r for n samples under independence (normal data): r follows a Beta(n/2 − 1,
    /// n/2 − 1) law on [−1, 1], so p = 2 I_{(1 − |r|)/2}(n/2 − 1, n/2 − 1) with I the regularised incomplete beta.
    /// </summary>
    public static double PearsonPValue(double r, int n)
    {
        if (double.IsNaN(r) || n < 3)
        {
            return n == 2 && !double.IsNaN(r) ? 1.0 : double.NaN;
        }

        double ab = n / 2.0 - 1;
        return Math.Min(1.0, 2 * SpecialFunctions.BetaRegularized(ab, ab, 0.5 * (1 - Math.Abs(r))));
    }

    /// <summary>
    /// Two-sided p-value of Spearman's ρ by the t approximation: t = ρ √((n − 2) / ((1 + ρ)(1 − ρ))) with n − 2 degrees
    /// of freedom, p = 2 P(T &gt; |t|) = I_{ν/(ν + t²)}(ν/2, 1/2).
    /// </summary>
    public static double SpearmanPValue(double rho, int n)
    {
        int df = n - 2;
        if (double.IsNaN(rho) || df <= 0)
        {
            return double.NaN;
        }

        if (Math.Abs(rho) >= 1.0)
        {
            return 0.0;
        }

        double t2 = rho * rho * df / ((1 + rho) * (1 - rho));
        return Math.Min(1.0, SpecialFunctions.BetaRegularized(df / 2.0, 0.5, df / (df + t2)));
    }
}
