using System.Numerics.Tensors;
using NlpTransfer.Data;
using NlpTransfer.Encoders;

namespace NlpTransfer.Heads;

/// <summary>
/// A trained classifier over encoder features: softmax over classes (<see cref="HeadTask.Classify"/>; binary
/// sentiment is its two-class case) or one sigmoid per class with tuned thresholds (<see cref="HeadTask.MultiLabel"/>),
/// linear or with one ReLU hidden layer. Immutable; every prediction method is thread-safe.
/// </summary>
/// <remarks>
/// A head remembers the identity of the encoder whose features it was trained on (<see cref="EncoderIdentity"/>)
/// and how to rebuild that encoder (<see cref="EncoderSource"/>, e.g. "minilm" or "vectors:/path/glove.txt");
/// <see cref="EnsureCompatible(IDocumentEncoder)"/> refuses features from any other encoder.
/// </remarks>
public sealed partial class ClassificationHead
{
    private readonly HeadNetwork _network;
    private readonly float[] _parameters;
    private readonly float[] _thresholds;
    private readonly IReadOnlyDictionary<string, double> _devMetrics;

    private ClassificationHead(HeadTask task, LabelMap labels, HeadNetwork network, float[] parameters, float[] thresholds,
        TrainingOptions options, string? encoderIdentity, string? encoderSource, IReadOnlyDictionary<string, double> devMetrics,
        TrainingSummary? summary)
    {
        Task = task;
        Labels = labels;
        _network = network;
        _parameters = parameters;
        _thresholds = thresholds;
        Options = options;
        EncoderIdentity = encoderIdentity;
        EncoderSource = encoderSource;
        _devMetrics = devMetrics;
        Summary = summary;
    }

    /// <summary>Single-label or multi-label.</summary>
    public HeadTask Task { get; }

    /// <summary>The classes, by index.</summary>
    public LabelMap Labels { get; }

    /// <summary>Length of the feature vectors the head takes.</summary>
    public int InputDimensions => _network.Inputs;

    /// <summary>Units of the hidden layer; 0 for a linear head.</summary>
    public int HiddenUnits => _network.Hidden;

    /// <summary>The options it was trained with.</summary>
    public TrainingOptions Options { get; }

    /// <summary>The <see cref="IDocumentEncoder.Identity"/> of the encoder it was trained on, or null when unknown.</summary>
    public string? EncoderIdentity { get; }

    /// <summary>How to rebuild that encoder ("minilm", "vectors:&lt;path&gt;"), or null when not recorded.</summary>
    public string? EncoderSource { get; }

    /// <summary>Metrics on the dev set after training (accuracy, macro_f1; or example_f1, micro_f1, macro_f1, hamming_loss); empty without dev data.</summary>
    public IReadOnlyDictionary<string, double> DevMetrics => _devMetrics;

    /// <summary>How training went (epochs, best epoch); null for a loaded head that did not record it.</summary>
    public TrainingSummary? Summary { get; }

    /// <summary>Per-class decision thresholds of a multi-label head (0.5 where dev data could not tune them); empty for single-label heads.</summary>
    public ReadOnlySpan<float> Thresholds => _thresholds;

    /// <summary>All parameters, flat: [W1, b1,] W, b (row-major). For inspection and tests.</summary>
    public ReadOnlySpan<float> Parameters => _parameters;

    /// <summary>
    /// Trains a head on encoded examples.
    /// </summary>
    /// <param name="train">Training features and labels; the label map of the head is train.Labels.</param>
    /// <param name="dev">Dev data with the same label map and dimensions, for early stopping and (multi-label) thresholds; may be null.</param>
    /// <param name="options">Training options; null for the defaults. Task must match train.IsMultiLabel.</param>
    /// <param name="progress">Receives metrics after every epoch; may be null.</param>
    /// <param name="cancellationToken">Cancels between batches.</param>
    /// <param name="encoderIdentity">The encoder's <see cref="IDocumentEncoder.Identity"/>, recorded in the head; null when unknown.</param>
    /// <param name="encoderSource">How to rebuild the encoder ("minilm", "vectors:&lt;path&gt;"); null when not known.</param>
    /// <exception cref="ArgumentException">
    /// The training set is empty, holds only one class (single-label), or dev does not match train.
    /// </exception>
    public static ClassificationHead Train(EncodedDataset train, EncodedDataset? dev, TrainingOptions? options = null,
        IProgress<EpochMetrics>? progress = null, CancellationToken cancellationToken = default,
        string? encoderIdentity = null, string? encoderSource = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new TrainingOptions { Task = train.IsMultiLabel ? HeadTask.MultiLabel : HeadTask.Classify };
        options.Validate();
        CheckTrainingData(train, dev, options);
        var network = new HeadNetwork(train.Dimensions, options.HiddenUnits, train.Labels.Count);
        var parameters = new float[network.ParameterCount];
        network.Initialize(parameters, options.Seed);
        var objective = new ClassificationObjective(network, parameters, train, dev, options);
        TrainingSummary summary = HeadTrainer.Train(objective, options, progress, cancellationToken);

        float[] thresholds = [];
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        if (options.Task == HeadTask.MultiLabel)
        {
            thresholds = new float[train.Labels.Count];
            Array.Fill(thresholds, 0.5f);
        }

        var head = new ClassificationHead(options.Task, train.Labels, network, parameters, thresholds, options,
            encoderIdentity, encoderSource, metrics, summary);
        if (dev is not null && dev.Count > 0)
        {
            if (options.Task == HeadTask.MultiLabel)
            {
                head.TuneThresholds(dev);
                MultiLabelMetrics m = head.EvaluateMultiLabel(dev);
                metrics["example_f1"] = m.ExampleF1;
                metrics["micro_f1"] = m.MicroF1;
                metrics["macro_f1"] = m.MacroF1;
                metrics["hamming_loss"] = m.HammingLoss;
            }
            else
            {
                ClassificationMetrics m = head.Evaluate(dev);
                metrics["accuracy"] = m.Accuracy;
                metrics["macro_f1"] = m.MacroF1;
            }
        }

        return head;
    }

    /// <summary>
    /// Probabilities for one or more feature rows: <paramref name="features"/> holds k × InputDimensions values,
    /// <paramref name="destination"/> receives k × Labels.Count (softmax rows, or independent sigmoids).
    /// </summary>
    /// <exception cref="ArgumentException">The lengths do not describe the same number of rows.</exception>
    public void PredictProbabilities(ReadOnlySpan<float> features, Span<float> destination)
    {
        int rows = CheckRows(features, destination);
        ClassificationObjective.Predict(_network, _parameters, features, rows, destination, Task == HeadTask.MultiLabel);
    }

    /// <summary>The most probable class of one feature row.</summary>
    public int Predict(ReadOnlySpan<float> features)
    {
        Span<float> probabilities = Labels.Count <= 256 ? stackalloc float[Labels.Count] : new float[Labels.Count];
        PredictProbabilities(features, probabilities);
        return TensorPrimitives.IndexOfMax(probabilities);
    }

    /// <summary>
    /// The most probable class of every row of <paramref name="features"/> (k × InputDimensions) into
    /// <paramref name="destination"/> (length k).
    /// </summary>
    public void Predict(ReadOnlySpan<float> features, Span<int> destination)
    {
        int classes = Labels.Count;
        var probabilities = new float[destination.Length * classes];
        PredictProbabilities(features, probabilities);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = TensorPrimitives.IndexOfMax(probabilities.AsSpan(i * classes, classes));
        }
    }

    /// <summary>
    /// Multi-label decisions: 1 where the class probability reaches its threshold, else 0, for k rows
    /// (<paramref name="destination"/>: k × Labels.Count).
    /// </summary>
    public void PredictLabels(ReadOnlySpan<float> features, Span<float> destination)
    {
        EnsureTask(HeadTask.MultiLabel);
        PredictProbabilities(features, destination);
        int classes = Labels.Count;
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = destination[i] >= _thresholds[i % classes] ? 1f : 0f;
        }
    }

    /// <summary>Accuracy, F1 and the confusion matrix of a single-label head on <paramref name="test"/>.</summary>
    public ClassificationMetrics Evaluate(EncodedDataset test)
    {
        ArgumentNullException.ThrowIfNull(test);
        EnsureTask(HeadTask.Classify);
        CheckCompatible(test, nameof(test));
        var predicted = new int[test.Count];
        Predict(test.Features, predicted);
        return ClassificationMetrics.Compute(test.ClassIndices, predicted, Labels);
    }

    /// <summary>Example-based F1, Hamming loss, micro/macro F1 of a multi-label head on <paramref name="test"/>.</summary>
    public MultiLabelMetrics EvaluateMultiLabel(EncodedDataset test)
    {
        ArgumentNullException.ThrowIfNull(test);
        EnsureTask(HeadTask.MultiLabel);
        CheckCompatible(test, nameof(test));
        var predicted = new float[test.Count * Labels.Count];
        PredictLabels(test.Features, predicted);
        return MultiLabelMetrics.Compute(test.Targets, predicted, Labels);
    }

    /// <summary>Throws unless <paramref name="encoder"/> is the encoder this head was trained on.</summary>
    /// <exception cref="ArgumentException">Another encoder, or other dimensions; the message names both.</exception>
    public void EnsureCompatible(IDocumentEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        EnsureCompatible(encoder.Identity, encoder.Dimensions);
    }

    /// <summary>Throws unless an encoder of <paramref name="identity"/> and <paramref name="dimensions"/> matches this head.</summary>
    /// <exception cref="ArgumentException">The identity or the dimensions differ.</exception>
    public void EnsureCompatible(string identity, int dimensions)
    {
        if (dimensions != InputDimensions)
        {
            throw new ArgumentException(
                $"This head takes {InputDimensions}-dimensional features (encoder {EncoderIdentity ?? "unknown"}); the encoder gives {dimensions} ({identity}).");
        }

        if (EncoderIdentity is not null && !string.Equals(identity, EncoderIdentity, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"This head was trained on encoder '{EncoderIdentity}' and cannot be used with encoder '{identity}': its features live in another space. Retrain the head on this encoder.");
        }
    }

    /// <summary>A copy of this head that records <paramref name="encoderIdentity"/> and <paramref name="encoderSource"/>.</summary>
    public ClassificationHead WithEncoder(string? encoderIdentity, string? encoderSource) =>
        new(Task, Labels, _network, _parameters, _thresholds, Options, encoderIdentity, encoderSource, _devMetrics, Summary);

    private void TuneThresholds(EncodedDataset dev)
    {
        int classes = Labels.Count;
        var probabilities = new float[dev.Count * classes];
        PredictProbabilities(dev.Features, probabilities);
        ReadOnlySpan<float> targets = dev.Targets;
        for (int c = 0; c < classes; c++)
        {
            int positives = 0;
            for (int i = 0; i < dev.Count; i++)
            {
                positives += targets[i * classes + c] > 0.5f ? 1 : 0;
            }

            if (positives == 0)
            {
                continue;
            }

            // Candidates 0.05 … 0.95; ties go to the one closest to 0.5, so the default wins when nothing is gained.
            double bestF1 = -1;
            float best = 0.5f;
            for (int step = 1; step <= 19; step++)
            {
                float t = step * 0.05f;
                long tp = 0, fp = 0, fn = 0;
                for (int i = 0; i < dev.Count; i++)
                {
                    bool p = probabilities[i * classes + c] >= t;
                    bool g = targets[i * classes + c] > 0.5f;
                    tp += p && g ? 1 : 0;
                    fp += p && !g ? 1 : 0;
                    fn += !p && g ? 1 : 0;
                }

                double f1 = 2.0 * tp / Math.Max(1, 2 * tp + fp + fn);
                if (f1 > bestF1 + 1e-12 || (Math.Abs(f1 - bestF1) <= 1e-12 && Math.Abs(t - 0.5f) < Math.Abs(best - 0.5f)))
                {
                    bestF1 = f1;
                    best = t;
                }
            }

            _thresholds[c] = best;
        }
    }

    private static void CheckTrainingData(EncodedDataset train, EncodedDataset? dev, TrainingOptions options)
    {
        if (train.Count == 0)
        {
            throw new ArgumentException($"The training set {train.Name} is empty: there is nothing to learn from.", nameof(train));
        }

        bool multi = options.Task == HeadTask.MultiLabel;
        if (multi != train.IsMultiLabel)
        {
            throw new ArgumentException(
                $"The task is {options.Task} but the training data was prepared as {(train.IsMultiLabel ? "multi-label" : "single-label")}.", nameof(options));
        }

        if (!multi)
        {
            var seen = new bool[train.Labels.Count];
            int distinct = 0;
            foreach (int c in train.ClassIndices)
            {
                if (!seen[c])
                {
                    seen[c] = true;
                    distinct++;
                }
            }

            if (distinct < 2)
            {
                throw new ArgumentException(
                    $"The training set {train.Name} holds only one class ('{train.Labels[train.ClassIndices[0]]}'); a classifier needs examples of at least two.", nameof(train));
            }
        }

        if (dev is not null)
        {
            if (dev.Dimensions != train.Dimensions)
            {
                throw new ArgumentException($"Dev features have {dev.Dimensions} dimensions, training features {train.Dimensions}.", nameof(dev));
            }

            if (!ReferenceEquals(dev.Labels, train.Labels) && !dev.Labels.Labels.SequenceEqual(train.Labels.Labels))
            {
                throw new ArgumentException("Dev data must use the training set's label map.", nameof(dev));
            }

            if (dev.IsMultiLabel != train.IsMultiLabel)
            {
                throw new ArgumentException("Dev and training data must both be single-label or both multi-label.", nameof(dev));
            }
        }
    }

    private void CheckCompatible(EncodedDataset data, string name)
    {
        if (data.Dimensions != InputDimensions)
        {
            throw new ArgumentException($"{data.Name}: features have {data.Dimensions} dimensions, this head takes {InputDimensions}.", name);
        }

        if (!ReferenceEquals(data.Labels, Labels) && !data.Labels.Labels.SequenceEqual(Labels.Labels))
        {
            throw new ArgumentException($"{data.Name}: the data's label map differs from the head's; build it with the head's Labels.", name);
        }
    }

    private int CheckRows(ReadOnlySpan<float> features, Span<float> destination)
    {
        int d = InputDimensions;
        int c = Labels.Count;
        if (features.Length % d != 0 || destination.Length != features.Length / d * c)
        {
            throw new ArgumentException(
                $"Expected features of k × {d} values and a destination of k × {c}; found {features.Length} and {destination.Length}.");
        }

        return features.Length / d;
    }

    private void EnsureTask(HeadTask task)
    {
        if (Task != task)
        {
            throw new InvalidOperationException($"This is a {Task} head; the operation needs a {task} head.");
        }
    }
}
