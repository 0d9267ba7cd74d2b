using FluentAssertions;
using NlpTransfer.Data;
using NlpTransfer.Heads;
using Xunit;

namespace NlpTransfer.Tests.Heads;

public sealed class MultiLabelMetricsTests
{
    [Fact]
    public void Compute_HandCountedExample_GivesExpectedFigures()
    {
        // Three examples, three labels.
        // gold      predicted
        // 1 1 0     1 0 0     example F1 2·1/(2+1) = 2/3
        // 0 0 1     0 0 1     1
        // 0 0 0     0 1 0     0 (gold empty, one predicted)
        var labels = LabelMap.FromLabels(["x", "y", "z"]);
        float[] gold = [1, 1, 0, 0, 0, 1, 0, 0, 0];
        float[] predicted = [1, 0, 0, 0, 0, 1, 0, 1, 0];

        MultiLabelMetrics metrics = MultiLabelMetrics.Compute(gold, predicted, labels);

        metrics.ExampleF1.Should().BeApproximately((2.0 / 3 + 1 + 0) / 3, 1e-12);
        metrics.HammingLoss.Should().BeApproximately(2.0 / 9, 1e-12);
        metrics.SubsetAccuracy.Should().BeApproximately(1.0 / 3, 1e-12);
        // Pooled: TP 2, FP 1, FN 1 → 4 / 6.
        metrics.MicroF1.Should().BeApproximately(4.0 / 6, 1e-12);
        // x: F1 1; y: TP 0 → 0; z: 1.
        metrics.MacroF1.Should().BeApproximately(2.0 / 3, 1e-12);
    }
}
