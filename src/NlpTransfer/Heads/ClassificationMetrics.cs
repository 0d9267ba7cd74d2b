using NlpTransfer.Data;

namespace NlpTransfer.Heads;

/// <summary>
/// Single-label evaluation: accuracy, macro F1 (unweighted mean of per-class F1), micro F1 (equal to accuracy when
/// every example has exactly one gold and one predicted class), per-class precision/recall/F1 and the confusion
/// matrix (rows gold, columns predicted).
/// </summary>
public sealed class ClassificationMetrics
{
    private ClassificationMetrics(int count, double accuracy, double macroF1, double microF1, ClassMetrics[] perClass, int[][] confusion)
    {
        Count = count;
        Accuracy = accuracy;
        MacroF1 = macroF1;
        MicroF1 = microF1;
        PerClass = perClass;
        ConfusionMatrix = confusion;
    }

    /// <summary>Number of examples evaluated.</summary>
    public int Count { get; }

    /// <summary>Fraction of examples whose predicted class is the gold class.</summary>
    public double Accuracy { get; }

    /// <summary>Mean of the per-class F1 scores, every class weighing the same.</summary>
    public double MacroF1 { get; }

    /// <summary>F1 over pooled true/false positives of all classes.</summary>
    public double MicroF1 { get; }

    /// <summary>Per class, in label-map order.</summary>
    public IReadOnlyList<ClassMetrics> PerClass { get; }

    /// <summary>ConfusionMatrix[gold][predicted] = number of examples.</summary>
    public IReadOnlyList<IReadOnlyList<int>> ConfusionMatrix { get; }

    /// <summary>Computes the metrics of <paramref name="predicted"/> against <paramref name="gold"/> class indices.</summary>
    /// <exception cref="ArgumentException">The spans differ in length, or an index is outside the label map.</exception>
    public static ClassificationMetrics Compute(ReadOnlySpan<int> gold, ReadOnlySpan<int> predicted, LabelMap labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (gold.Length != predicted.Length)
        {
            throw new ArgumentException($"Expected as many predictions as gold labels ({gold.Length}), found {predicted.Length}.", nameof(predicted));
        }

        int classes = labels.Count;
        var confusion = new int[classes][];
        for (int c = 0; c < classes; c++)
        {
            confusion[c] = new int[classes];
        }

        int correct = 0;
        for (int i = 0; i < gold.Length; i++)
        {
            if ((uint)gold[i] >= (uint)classes || (uint)predicted[i] >= (uint)classes)
            {
                throw new ArgumentException($"Example {i}: class index outside [0, {classes}).");
            }

            confusion[gold[i]][predicted[i]]++;
            correct += gold[i] == predicted[i] ? 1 : 0;
        }

        var perClass = new ClassMetrics[classes];
        double macro = 0;
        for (int c = 0; c < classes; c++)
        {
            long tp = confusion[c][c];
            long fn = 0;
            long fp = 0;
            for (int k = 0; k < classes; k++)
            {
                if (k != c)
                {
                    fn += confusion[c][k];
                    fp += confusion[k][c];
                }
            }

            perClass[c] = ClassMetrics.From(labels[c], tp, fp, fn);
            macro += perClass[c].F1;
        }

        double accuracy = gold.Length == 0 ? 0 : (double)correct / gold.Length;
        return new ClassificationMetrics(gold.Length, accuracy, classes == 0 ? 0 : macro / classes, accuracy, perClass, confusion);
    }
}
