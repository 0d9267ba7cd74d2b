using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using NlpTransfer.Data;

namespace NlpTransfer.Heads;

/// <summary>
/// The training objective of a <see cref="ClassificationHead"/>: weighted softmax cross-entropy (single-label) or
/// weighted binary cross-entropy averaged over classes (multi-label), over a <see cref="HeadNetwork"/>.
/// </summary>
internal sealed class ClassificationObjective : ITrainingObjective
{
    private const int ChunkRows = 256;

    private readonly HeadNetwork _network;
    private readonly float[] _parameters;
    private readonly float[] _mask;
    private readonly EncodedDataset _train;
    private readonly EncodedDataset? _dev;
    private readonly float[] _classWeights;
    private readonly float _dropoutRate;
    private readonly float[] _x;
    private readonly float[] _hidden;
    private readonly float[] _hiddenGradient;
    private readonly float[] _logits;

    public ClassificationObjective(HeadNetwork network, float[] parameters, EncodedDataset train, EncodedDataset? dev,
        TrainingOptions options)
    {
        _network = network;
        _parameters = parameters;
        _train = train;
        _dev = dev;
        _dropoutRate = options.Dropout;
        _mask = new float[network.ParameterCount];
        network.FillDecayMask(_mask);
        _classWeights = ComputeClassWeights(train, options.ClassWeighting);
        _x = new float[ChunkRows * network.Inputs];
        _hidden = new float[ChunkRows * Math.Max(network.Hidden, 1)];
        _hiddenGradient = new float[ChunkRows * Math.Max(network.Hidden, 1)];
        _logits = new float[ChunkRows * network.Classes];
    }

    public int ExampleCount => _train.Count;

    public Span<float> Parameters => _parameters;

    public ReadOnlySpan<float> DecayMask => _mask;

    public string DevMetricName => _train.IsMultiLabel ? "micro_f1" : "accuracy";

    /// <summary>Per class: the example weight (single-label) or the positive-term weight (multi-label).</summary>
    public ReadOnlySpan<float> ClassWeights => _classWeights;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double ComputeLossAndGradient(ReadOnlySpan<int> examples, Span<float> gradient, Random? dropout)
    {
        gradient.Clear();
        int classes = _network.Classes;
        int dimensions = _network.Inputs;
        float inverseCount = 1f / examples.Length;
        double loss = 0;
        for (int start = 0; start < examples.Length; start += ChunkRows)
        {
            int rows = Math.Min(ChunkRows, examples.Length - start);
            ReadOnlySpan<int> chunk = examples.Slice(start, rows);
            ReadOnlySpan<float> x = Gather(chunk, dimensions);
            _network.Forward(_parameters, x, rows, _hidden, _logits, dropout, _dropoutRate);
            for (int r = 0; r < rows; r++)
            {
                Span<float> z = _logits.AsSpan(r * classes, classes);
                ReadOnlySpan<float> target = _train.Targets.Slice(chunk[r] * classes, classes);
                loss += _train.IsMultiLabel
                    ? SigmoidLossAndGradient(z, target, inverseCount)
                    : SoftmaxLossAndGradient(z, _train.ClassIndices[chunk[r]], inverseCount);
            }

            _network.Backward(_parameters, x, rows, _hidden, _logits, _hiddenGradient, _dropoutRate, dropout is not null, gradient);
        }

        return loss / examples.Length;
    }

    /// <summary>The feature rows of <paramref name="chunk"/>: a view of the training matrix when the indices are consecutive (full-batch passes), else a copy.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<float> Gather(ReadOnlySpan<int> chunk, int dimensions)
    {
        bool consecutive = true;
        for (int r = 1; r < chunk.Length && consecutive; r++)
        {
            consecutive = chunk[r] == chunk[0] + r;
        }

        if (consecutive)
        {
            return _train.Features.Slice(chunk[0] * dimensions, chunk.Length * dimensions);
        }

        for (int r = 0; r < chunk.Length; r++)
        {
            _train.Row(chunk[r]).CopyTo(_x.AsSpan(r * dimensions, dimensions));
        }

        return _x;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double? EvaluateDev()
    {
        if (_dev is null || _dev.Count == 0)
        {
            return null;
        }

        int classes = _network.Classes;
        var probabilities = new float[_dev.Count * classes];
        Predict(_network, _parameters, _dev.Features, _dev.Count, probabilities, _dev.IsMultiLabel);
        if (!_dev.IsMultiLabel)
        {
            int correct = 0;
            for (int i = 0; i < _dev.Count; i++)
            {
                if (TensorPrimitives.IndexOfMax(probabilities.AsSpan(i * classes, classes)) == _dev.ClassIndices[i])
                {
                    correct++;
                }
            }

            return (double)correct / _dev.Count;
        }

        long truePositives = 0;
        long predictedPositives = 0;
        long actualPositives = 0;
        ReadOnlySpan<float> targets = _dev.Targets;
        for (int i = 0; i < probabilities.Length; i++)
        {
            bool predicted = probabilities[i] >= 0.5f;
            bool actual = targets[i] > 0.5f;
            truePositives += predicted && actual ? 1 : 0;
            predictedPositives += predicted ? 1 : 0;
            actualPositives += actual ? 1 : 0;
        }

        return predictedPositives + actualPositives == 0 ? 1.0 : 2.0 * truePositives / (predictedPositives + actualPositives);
    }

    /// <summary>Probabilities for <paramref name="rows"/> feature rows: softmax per row, or a sigmoid per class.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Predict(HeadNetwork network, ReadOnlySpan<float> parameters, ReadOnlySpan<float> features, int rows,
        Span<float> destination, bool multiLabel)
    {
        int classes = network.Classes;
        int chunk = Math.Min(rows, ChunkRows);
        float[] hidden = network.Hidden > 0 ? new float[chunk * network.Hidden] : [];
        for (int start = 0; start < rows; start += ChunkRows)
        {
            int count = Math.Min(ChunkRows, rows - start);
            Span<float> output = destination.Slice(start * classes, count * classes);
            network.Forward(parameters, features.Slice(start * network.Inputs, count * network.Inputs), count, hidden, output, null, 0f);
            for (int r = 0; r < count; r++)
            {
                Span<float> row = output.Slice(r * classes, classes);
                if (multiLabel)
                {
                    TensorPrimitives.Sigmoid(row, row);
                }
                else
                {
                    TensorPrimitives.SoftMax(row, row);
                }
            }
        }
    }

    /// <summary>Weighted cross-entropy w_y·(logΣexp z − z_y); writes w_y·(softmax(z) − e_y)/N into z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double SoftmaxLossAndGradient(Span<float> z, int label, float inverseCount)
    {
        float max = TensorPrimitives.Max(z);
        double sum = 0;
        for (int c = 0; c < z.Length; c++)
        {
            sum += Math.Exp(z[c] - max);
        }

        double logSumExp = max + Math.Log(sum);
        float weight = _classWeights[label];
        double loss = weight * (logSumExp - z[label]);
        for (int c = 0; c < z.Length; c++)
        {
            double p = Math.Exp(z[c] - logSumExp);
            z[c] = (float)(weight * (p - (c == label ? 1.0 : 0.0)) * inverseCount);
        }

        return loss;
    }

    /// <summary>
    /// Mean over classes of pw_c·y·softplus(−z) + (1 − y)·softplus(z); writes its gradient /N into z.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double SigmoidLossAndGradient(Span<float> z, ReadOnlySpan<float> target, float inverseCount)
    {
        double loss = 0;
        float scale = inverseCount / z.Length;
        for (int c = 0; c < z.Length; c++)
        {
            double logit = z[c];
            double softplusPositive = Math.Max(logit, 0) + Math.Log(1 + Math.Exp(-Math.Abs(logit)));
            double softplusNegative = softplusPositive - logit;
            double sigma = 1.0 / (1.0 + Math.Exp(-logit));
            double y = target[c];
            double positiveWeight = _classWeights[c];
            loss += positiveWeight * y * softplusNegative + (1 - y) * softplusPositive;
            z[c] = (float)(((1 - y) * sigma - positiveWeight * y * (1 - sigma)) * scale);
        }

        return loss / z.Length;
    }

    private static float[] ComputeClassWeights(EncodedDataset train, ClassWeighting weighting)
    {
        int classes = train.Labels.Count;
        var weights = new float[classes];
        Array.Fill(weights, 1f);
        if (weighting == ClassWeighting.None || train.Count == 0)
        {
            return weights;
        }

        var counts = new long[classes];
        ReadOnlySpan<float> targets = train.Targets;
        for (int i = 0; i < train.Count; i++)
        {
            for (int c = 0; c < classes; c++)
            {
                counts[c] += targets[i * classes + c] > 0.5f ? 1 : 0;
            }
        }

        for (int c = 0; c < classes; c++)
        {
            if (counts[c] == 0)
            {
                continue;
            }

            weights[c] = train.IsMultiLabel
                ? (float)Math.Clamp((double)(train.Count - counts[c]) / counts[c], 1.0, 100.0)
                : (float)((double)train.Count / (classes * counts[c]));
        }

        return weights;
    }
}
