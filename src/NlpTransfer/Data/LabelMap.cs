namespace NlpTransfer.Data;

/// <summary>
/// The classes a head predicts, in a fixed order: class index i is <see cref="Labels"/>[i]. Built from training
/// data in ordinal string order (so "0" before "1", "Business" before "World"), saved with the head.
/// Immutable; thread-safe.
/// </summary>
public sealed class LabelMap
{
    private readonly string[] _labels;
    private readonly Dictionary<string, int> _index;

    private LabelMap(string[] labels)
    {
        _labels = labels;
        _index = new Dictionary<string, int>(labels.Length, StringComparer.Ordinal);
        for (int i = 0; i < labels.Length; i++)
        {
            if (!_index.TryAdd(labels[i], i))
            {
                throw new ArgumentException($"Label '{labels[i]}' appears twice; labels must be distinct.", nameof(labels));
            }
        }
    }

    /// <summary>The labels, by class index.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Number of classes.</summary>
    public int Count => _labels.Length;

    /// <summary>The label of class <paramref name="index"/>.</summary>
    public string this[int index] => _labels[index];

    /// <summary>Creates a map over <paramref name="labels"/> in the given order.</summary>
    /// <exception cref="ArgumentException">A label is empty or repeated.</exception>
    public static LabelMap FromLabels(IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        string[] array = labels.ToArray();
        foreach (string label in array)
        {
            if (string.IsNullOrEmpty(label))
            {
                throw new ArgumentException("Labels must be non-empty strings.", nameof(labels));
            }
        }

        return new LabelMap(array);
    }

    /// <summary>The distinct labels of <paramref name="dataset"/>, in ordinal order.</summary>
    public static LabelMap Build(LabeledDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var distinct = new SortedSet<string>(StringComparer.Ordinal);
        foreach (LabeledExample example in dataset.Examples)
        {
            foreach (string label in example.Labels)
            {
                distinct.Add(label);
            }
        }

        return new LabelMap([.. distinct]);
    }

    /// <summary>The class index of <paramref name="label"/>, or -1 when it is not in the map.</summary>
    public int IndexOf(string label) => _index.TryGetValue(label, out int i) ? i : -1;
}
