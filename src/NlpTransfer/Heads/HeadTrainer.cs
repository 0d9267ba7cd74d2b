using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace NlpTransfer.Heads;

/// <summary>
/// Trains any <see cref="ITrainingObjective"/>: mini-batch AdamW with shuffling, decoupled weight decay, an optional
/// coupled L2 penalty and early stopping on the dev metric, or full-batch L-BFGS. Deterministic: the same
/// objective, options and seed give bit-identical parameters.
/// </summary>
public static class HeadTrainer
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double AdamEpsilon = 1e-8;
    private const int LbfgsHistory = 10;

    /// <summary>L-BFGS also stops when (f_k − f_k+1) / max(|f_k|, |f_k+1|, 1) falls to this (SciPy's L-BFGS-B default, factr 1e7 × machine epsilon).</summary>
    private const double RelativeDecreaseTolerance = 2.220446049250313e-9;

    /// <summary>Trains <paramref name="objective"/> in place.</summary>
    /// <param name="objective">The model and its data; its parameters hold the initial values and receive the result.</param>
    /// <param name="options">Optimiser settings; null for the defaults.</param>
    /// <param name="progress">Receives metrics after every epoch (iteration for L-BFGS); null for none.</param>
    /// <param name="cancellationToken">Checked between batches.</param>
    /// <returns>The summary; with dev data and AdamW, the parameters are those of the best dev epoch.</returns>
    /// <exception cref="ArgumentException">The objective has no examples.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static TrainingSummary Train(ITrainingObjective objective, TrainingOptions? options = null,
        IProgress<EpochMetrics>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        options ??= new TrainingOptions();
        options.Validate();
        if (objective.ExampleCount == 0)
        {
            throw new ArgumentException("The training set is empty: there is nothing to learn from.", nameof(objective));
        }

        return options.Optimizer == OptimizerKind.Lbfgs
            ? TrainLbfgs(objective, options, progress, cancellationToken)
            : TrainAdamW(objective, options, progress, cancellationToken);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static TrainingSummary TrainAdamW(ITrainingObjective objective, TrainingOptions options,
        IProgress<EpochMetrics>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Span<float> parameters = objective.Parameters;
        ReadOnlySpan<float> mask = objective.DecayMask;
        int n = objective.ExampleCount;
        var gradient = new float[parameters.Length];
        var m = new double[parameters.Length];
        var v = new double[parameters.Length];
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var random = new Random(options.Seed);
        var dropout = new Random(unchecked(options.Seed * 31 + 7));
        float[]? best = null;
        double? bestMetric = null;
        int bestEpoch = 0;
        int sinceBest = 0;
        int step = 0;
        double epochLoss = 0;
        int epoch = 0;
        bool stoppedEarly = false;
        double lr = options.LearningRate;
        double decay = options.WeightDecay;
        while (epoch < options.Epochs)
        {
            epoch++;
            Shuffle(order, random);
            double lossSum = 0;
            for (int start = 0; start < n; start += options.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int count = Math.Min(options.BatchSize, n - start);
                double loss = objective.ComputeLossAndGradient(order.AsSpan(start, count), gradient, dropout);
                loss += AddL2(parameters, mask, gradient, options.L2);
                lossSum += loss * count;
                step++;
                double correction1 = 1 - Math.Pow(Beta1, step);
                double correction2 = 1 - Math.Pow(Beta2, step);
                for (int p = 0; p < parameters.Length; p++)
                {
                    double g = gradient[p];
                    m[p] = Beta1 * m[p] + (1 - Beta1) * g;
                    v[p] = Beta2 * v[p] + (1 - Beta2) * g * g;
                    double update = m[p] / correction1 / (Math.Sqrt(v[p] / correction2) + AdamEpsilon);
                    parameters[p] = (float)(parameters[p] - lr * (update + decay * mask[p] * parameters[p]));
                }
            }

            epochLoss = lossSum / n;
            if (!double.IsFinite(epochLoss))
            {
                throw new InvalidOperationException(
                    $"Training diverged at epoch {epoch} (loss {epochLoss}); lower the learning rate (now {options.LearningRate}).");
            }

            double? metric = objective.EvaluateDev();
            bool isBest = metric is double value && (bestMetric is null || value > bestMetric.Value);
            if (isBest)
            {
                bestMetric = metric;
                bestEpoch = epoch;
                sinceBest = 0;
                best ??= new float[parameters.Length];
                parameters.CopyTo(best);
            }
            else if (metric is not null)
            {
                sinceBest++;
            }

            if (metric is null)
            {
                bestEpoch = epoch;
            }

            progress?.Report(new EpochMetrics(epoch, options.Epochs, epochLoss, metric, objective.DevMetricName, isBest, clock.Elapsed));
            if (metric is not null && options.Patience > 0 && sinceBest >= options.Patience)
            {
                stoppedEarly = epoch < options.Epochs;
                break;
            }
        }

        best?.CopyTo(parameters);
        return new TrainingSummary(epoch, bestEpoch, bestMetric, epochLoss, stoppedEarly, clock.Elapsed);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static TrainingSummary TrainLbfgs(ITrainingObjective objective, TrainingOptions options,
        IProgress<EpochMetrics>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        int size = objective.Parameters.Length;
        var all = new int[objective.ExampleCount];
        for (int i = 0; i < all.Length; i++)
        {
            all[i] = i;
        }

        var x = new double[size];
        var g = new double[size];
        var xNew = new double[size];
        var gNew = new double[size];
        var direction = new double[size];
        var gradient = new float[size];
        var s = new double[LbfgsHistory][];
        var y = new double[LbfgsHistory][];
        var rho = new double[LbfgsHistory];
        var alpha = new double[LbfgsHistory];
        for (int k = 0; k < LbfgsHistory; k++)
        {
            s[k] = new double[size];
            y[k] = new double[size];
        }

        Span<float> parameters = objective.Parameters;
        for (int p = 0; p < size; p++)
        {
            x[p] = parameters[p];
        }

        double f = Evaluate(objective, all, x, g, gradient, options.L2);
        int stored = 0;
        int newest = -1;
        int iteration = 0;
        bool converged = false;
        while (iteration < options.MaxIterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (MaxAbs(g) <= options.Tolerance)
            {
                converged = true;
                break;
            }

            iteration++;
            TwoLoopDirection(g, s, y, rho, alpha, stored, newest, direction);
            double slope = Dot(g, direction);
            if (!(slope < 0))
            {
                stored = 0;
                for (int p = 0; p < size; p++)
                {
                    direction[p] = -g[p];
                }

                slope = Dot(g, direction);
            }

            double step = stored == 0 ? Math.Min(1.0, 1.0 / Math.Sqrt(Dot(g, g))) : 1.0;
            double fNew = double.NaN;
            for (int halvings = 0; halvings < 40; halvings++)
            {
                for (int p = 0; p < size; p++)
                {
                    xNew[p] = x[p] + step * direction[p];
                }

                fNew = Evaluate(objective, all, xNew, gNew, gradient, options.L2);
                if (double.IsFinite(fNew) && fNew <= f + 1e-4 * step * slope)
                {
                    break;
                }

                step *= 0.5;
            }

            if (!double.IsFinite(fNew) || fNew > f)
            {
                converged = true;
                break;
            }

            int next = (newest + 1) % LbfgsHistory;
            double sy = 0;
            for (int p = 0; p < size; p++)
            {
                s[next][p] = xNew[p] - x[p];
                y[next][p] = gNew[p] - g[p];
                sy += s[next][p] * y[next][p];
            }

            if (sy > 1e-12)
            {
                newest = next;
                rho[newest] = 1.0 / sy;
                stored = Math.Min(stored + 1, LbfgsHistory);
            }
            else
            {
                // No usable curvature: the slot may have held the oldest pair, so start the history afresh.
                stored = 0;
            }

            double decrease = (f - fNew) / Math.Max(Math.Max(Math.Abs(f), Math.Abs(fNew)), 1.0);
            (x, xNew) = (xNew, x);
            (g, gNew) = (gNew, g);
            f = fNew;
            progress?.Report(new EpochMetrics(iteration, options.MaxIterations, f, null, objective.DevMetricName, false, clock.Elapsed));
            if (decrease <= RelativeDecreaseTolerance)
            {
                converged = true;
                break;
            }
        }

        for (int p = 0; p < size; p++)
        {
            parameters[p] = (float)x[p];
        }

        double? metric = objective.EvaluateDev();
        progress?.Report(new EpochMetrics(iteration, options.MaxIterations, f, metric, objective.DevMetricName, metric is not null, clock.Elapsed));
        return new TrainingSummary(iteration, iteration, metric, f, converged, clock.Elapsed);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Evaluate(ITrainingObjective objective, int[] all, double[] x, double[] g, float[] gradient, float l2)
    {
        Span<float> parameters = objective.Parameters;
        for (int p = 0; p < x.Length; p++)
        {
            parameters[p] = (float)x[p];
        }

        double loss = objective.ComputeLossAndGradient(all, gradient, dropout: null);
        ReadOnlySpan<float> mask = objective.DecayMask;
        for (int p = 0; p < x.Length; p++)
        {
            double decayed = l2 * mask[p] * x[p];
            g[p] = gradient[p] + decayed;
            loss += 0.5 * decayed * x[p];
        }

        return loss;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TwoLoopDirection(double[] g, double[][] s, double[][] y, double[] rho, double[] alpha,
        int stored, int newest, double[] direction)
    {
        int size = g.Length;
        for (int p = 0; p < size; p++)
        {
            direction[p] = -g[p];
        }

        int k = newest;
        for (int i = 0; i < stored; i++)
        {
            alpha[k] = rho[k] * Dot(s[k], direction);
            Axpy(-alpha[k], y[k], direction);
            k = (k + LbfgsHistory - 1) % LbfgsHistory;
        }

        if (stored > 0)
        {
            double gamma = Dot(s[newest], y[newest]) / Dot(y[newest], y[newest]);
            for (int p = 0; p < size; p++)
            {
                direction[p] *= gamma;
            }
        }

        k = (newest - stored + 1 + LbfgsHistory) % LbfgsHistory;
        for (int i = 0; i < stored; i++)
        {
            double beta = rho[k] * Dot(y[k], direction);
            Axpy(alpha[k] - beta, s[k], direction);
            k = (k + 1) % LbfgsHistory;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double AddL2(ReadOnlySpan<float> parameters, ReadOnlySpan<float> mask, Span<float> gradient, float l2)
    {
        if (l2 == 0f)
        {
            return 0;
        }

        double penalty = 0;
        for (int p = 0; p < parameters.Length; p++)
        {
            float w = parameters[p] * mask[p];
            gradient[p] += l2 * w;
            penalty += (double)w * w;
        }

        return 0.5 * l2 * penalty;
    }

    private static void Shuffle(int[] order, Random random)
    {
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Axpy(double a, double[] x, double[] y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    private static double MaxAbs(double[] values)
    {
        double max = 0;
        foreach (double value in values)
        {
            max = Math.Max(max, Math.Abs(value));
        }

        return max;
    }
}
