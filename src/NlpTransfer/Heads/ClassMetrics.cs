namespace NlpTransfer.Heads;

/// <summary>Precision, recall and F1 of one class.</summary>
/// <param name="Label">The class label.</param>
/// <param name="Precision">TP / (TP + FP); 0 when the class was never predicted.</param>
/// <param name="Recall">TP / (TP + FN); 0 when the class never occurs.</param>
/// <param name="F1">2·P·R / (P + R); 0 when both are 0.</param>
/// <param name="Support">Number of examples that carry the class.</param>
public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support)
{
    internal static ClassMetrics From(string label, long truePositives, long falsePositives, long falseNegatives)
    {
        double precision = truePositives + falsePositives == 0 ? 0 : (double)truePositives / (truePositives + falsePositives);
        double recall = truePositives + falseNegatives == 0 ? 0 : (double)truePositives / (truePositives + falseNegatives);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassMetrics(label, precision, recall, f1, (int)(truePositives + falseNegatives));
    }
}
