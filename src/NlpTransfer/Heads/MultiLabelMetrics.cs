using NlpTransfer.Data;

namespace NlpTransfer.Heads;

/// <summary>
/// Multi-label evaluation over 0/1 gold and predicted matrices (examples × classes): example-based F1 (mean over
/// examples of 2|Y∩Ŷ| / (|Y| + |Ŷ|), 1 when both are empty), Hamming loss (fraction of wrong cells), micro and macro
/// F1, subset accuracy (exact match) and per-class precision/recall/F1.
/// </summary>
public sealed class MultiLabelMetrics
{
    private MultiLabelMetrics(int count, double exampleF1, double hammingLoss, double microF1, double macroF1,
        double subsetAccuracy, ClassMetrics[] perClass)
    {
        Count = count;
        ExampleF1 = exampleF1;
        HammingLoss = hammingLoss;
        MicroF1 = microF1;
        MacroF1 = macroF1;
        SubsetAccuracy = subsetAccuracy;
        PerClass = perClass;
    }

    /// <summary>Number of examples evaluated.</summary>
    public int Count { get; }

    /// <summary>Mean over examples of 2|Y∩Ŷ| / (|Y| + |Ŷ|) (Godbole and Sarawagi 2004); 1 for an example with both sets empty.</summary>
    public double ExampleF1 { get; }

    /// <summary>Fraction of (example, class) cells predicted wrongly; lower is better.</summary>
    public double HammingLoss { get; }

    /// <summary>F1 over pooled true/false positives of all classes.</summary>
    public double MicroF1 { get; }

    /// <summary>Mean of the per-class F1 scores.</summary>
    public double MacroF1 { get; }

    /// <summary>Fraction of examples whose predicted set equals the gold set.</summary>
    public double SubsetAccuracy { get; }

    /// <summary>Per class, in label-map order.</summary>
    public IReadOnlyList<ClassMetrics> PerClass { get; }

    /// <summary>Computes the metrics; a cell is positive when its value is above 0.5.</summary>
    /// <param name="gold">Gold 0/1 matrix, rows × labels.Count.</param>
    /// <param name="predicted">Predicted 0/1 matrix, same shape.</param>
    /// <param name="labels">The label map.</param>
    public static MultiLabelMetrics Compute(ReadOnlySpan<float> gold, ReadOnlySpan<float> predicted, LabelMap labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        int classes = labels.Count;
        if (gold.Length != predicted.Length || gold.Length % classes != 0)
        {
            throw new ArgumentException(
                $"Expected gold and predicted matrices of the same shape with {classes} columns, found {gold.Length} and {predicted.Length} values.");
        }

        int rows = gold.Length / classes;
        var tp = new long[classes];
        var fp = new long[classes];
        var fn = new long[classes];
        double exampleF1 = 0;
        long wrong = 0;
        int exact = 0;
        for (int i = 0; i < rows; i++)
        {
            int both = 0;
            int goldCount = 0;
            int predictedCount = 0;
            bool same = true;
            for (int c = 0; c < classes; c++)
            {
                bool g = gold[i * classes + c] > 0.5f;
                bool p = predicted[i * classes + c] > 0.5f;
                both += g && p ? 1 : 0;
                goldCount += g ? 1 : 0;
                predictedCount += p ? 1 : 0;
                if (g != p)
                {
                    wrong++;
                    same = false;
                }

                tp[c] += g && p ? 1 : 0;
                fp[c] += !g && p ? 1 : 0;
                fn[c] += g && !p ? 1 : 0;
            }

            exampleF1 += goldCount + predictedCount == 0 ? 1.0 : 2.0 * both / (goldCount + predictedCount);
            exact += same ? 1 : 0;
        }

        var perClass = new ClassMetrics[classes];
        double macro = 0;
        long sumTp = 0;
        long sumFp = 0;
        long sumFn = 0;
        for (int c = 0; c < classes; c++)
        {
            perClass[c] = ClassMetrics.From(labels[c], tp[c], fp[c], fn[c]);
            macro += perClass[c].F1;
            sumTp += tp[c];
            sumFp += fp[c];
            sumFn += fn[c];
        }

        double micro = 2 * sumTp + sumFp + sumFn == 0 ? 1.0 : 2.0 * sumTp / (2 * sumTp + sumFp + sumFn);
        return new MultiLabelMetrics(rows, rows == 0 ? 0 : exampleF1 / rows, rows == 0 ? 0 : (double)wrong / gold.Length,
            micro, macro / classes, rows == 0 ? 0 : (double)exact / rows, perClass);
    }
}
