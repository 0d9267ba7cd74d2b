namespace NlpTransfer.Data;

/// <summary>
/// Encoded examples ready for training or evaluation: a row-major feature matrix (Count × Dimensions) and the
/// targets as class indices (single-label) and as a 0/1 matrix (Count × classes, both tasks). Immutable.
/// </summary>
public sealed class EncodedDataset
{
    private readonly float[] _features;
    private readonly int[] _classIndices;
    private readonly float[] _targets;

    private EncodedDataset(string name, float[] features, int dimensions, int[] classIndices, float[] targets,
        LabelMap labels, bool multiLabel)
    {
        Name = name;
        _features = features;
        Dimensions = dimensions;
        _classIndices = classIndices;
        _targets = targets;
        Labels = labels;
        IsMultiLabel = multiLabel;
    }

    /// <summary>Where the data came from (a file path), for messages.</summary>
    public string Name { get; }

    /// <summary>Number of examples.</summary>
    public int Count => _classIndices.Length;

    /// <summary>Length of every feature row.</summary>
    public int Dimensions { get; }

    /// <summary>The classes; the same map for train, dev and test of one head.</summary>
    public LabelMap Labels { get; }

    /// <summary>Whether examples may carry several labels (sigmoid per class) rather than exactly one (softmax).</summary>
    public bool IsMultiLabel { get; }

    /// <summary>All features, Count × Dimensions, row-major.</summary>
    public ReadOnlySpan<float> Features => _features;

    /// <summary>The class index of every example (single-label data); for multi-label data the first label's index, or -1.</summary>
    public ReadOnlySpan<int> ClassIndices => _classIndices;

    /// <summary>Targets, Count × Labels.Count, row-major: 1 where the example carries the class, else 0.</summary>
    public ReadOnlySpan<float> Targets => _targets;

    /// <summary>The features of example <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> Row(int index) => _features.AsSpan(index * Dimensions, Dimensions);

    /// <summary>
    /// Pairs encoder outputs with the labels of <paramref name="dataset"/>.
    /// </summary>
    /// <param name="dataset">The labelled texts, in the order the features were computed.</param>
    /// <param name="features">dataset.Count × dimensions values (not copied: do not modify it afterwards).</param>
    /// <param name="dimensions">Features per example.</param>
    /// <param name="labels">The label map (the training set's, for dev and test data).</param>
    /// <param name="multiLabel">False: every example must carry exactly one label. True: any number.</param>
    /// <exception cref="InvalidDataException">
    /// A label is not in <paramref name="labels"/> (for dev/test data: it never occurs in training), a
    /// single-label example has several labels, or a feature is NaN or infinite; the message names file and line.
    /// </exception>
    public static EncodedDataset Create(LabeledDataset dataset, float[] features, int dimensions, LabelMap labels, bool multiLabel)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        if ((long)dataset.Count * dimensions != features.Length)
        {
            throw new ArgumentException(
                $"Expected {dataset.Count} × {dimensions} = {(long)dataset.Count * dimensions} feature values, found {features.Length}.",
                nameof(features));
        }

        int classes = labels.Count;
        var indices = new int[dataset.Count];
        var targets = new float[(long)dataset.Count * classes];
        for (int i = 0; i < dataset.Count; i++)
        {
            LabeledExample example = dataset.Examples[i];
            if (!multiLabel && example.Labels.Count != 1)
            {
                throw new InvalidDataException(
                    $"{Where(dataset, example)}: expected exactly one label for a single-label task, found {example.Labels.Count} ({string.Join(", ", example.Labels)}); use the multi-label task");
            }

            indices[i] = -1;
            foreach (string label in example.Labels)
            {
                int c = labels.IndexOf(label);
                if (c < 0)
                {
                    throw new InvalidDataException(
                        $"{Where(dataset, example)}: label '{label}' is not among the {classes} training labels [{Preview(labels)}]");
                }

                targets[(long)i * classes + c] = 1f;
                if (indices[i] < 0)
                {
                    indices[i] = c;
                }
            }
        }

        CheckFinite(dataset, features, dimensions);
        return new EncodedDataset(dataset.Name, features, dimensions, indices, targets, labels, multiLabel);
    }

    /// <summary>Builds a dataset straight from features and class-index sets (tests, in-memory data).</summary>
    /// <param name="features">Count × dimensions values (not copied).</param>
    /// <param name="dimensions">Features per example.</param>
    /// <param name="classIndices">Per example, its class indices into <paramref name="labels"/>.</param>
    /// <param name="labels">The label map.</param>
    /// <param name="multiLabel">Whether examples may carry several labels.</param>
    public static EncodedDataset FromArrays(float[] features, int dimensions, IReadOnlyList<int[]> classIndices, LabelMap labels, bool multiLabel)
    {
        ArgumentNullException.ThrowIfNull(classIndices);
        ArgumentNullException.ThrowIfNull(labels);
        var examples = new LabeledExample[classIndices.Count];
        for (int i = 0; i < examples.Length; i++)
        {
            var names = new string[classIndices[i].Length];
            for (int j = 0; j < names.Length; j++)
            {
                int c = classIndices[i][j];
                if ((uint)c >= (uint)labels.Count)
                {
                    throw new ArgumentOutOfRangeException(nameof(classIndices), c, $"Example {i}: expected a class in [0, {labels.Count}).");
                }

                names[j] = labels[c];
            }

            examples[i] = new LabeledExample(string.Empty, names, i + 1);
        }

        return Create(LabeledDataset.FromExamples(examples), features, dimensions, labels, multiLabel);
    }

    private static void CheckFinite(LabeledDataset dataset, float[] features, int dimensions)
    {
        for (int i = 0; i < features.Length; i++)
        {
            if (!float.IsFinite(features[i]))
            {
                int row = i / dimensions;
                throw new InvalidDataException(
                    $"{Where(dataset, dataset.Examples[row])}: feature {i % dimensions} of example {row} is {features[i]}; features must be finite");
            }
        }
    }

    private static string Where(LabeledDataset dataset, LabeledExample example) =>
        example.Line > 0 ? $"{dataset.Name}:{example.Line}" : dataset.Name;

    private static string Preview(LabelMap labels) =>
        labels.Count <= 10 ? string.Join(", ", labels.Labels) : string.Join(", ", labels.Labels.Take(10)) + ", …";
}
