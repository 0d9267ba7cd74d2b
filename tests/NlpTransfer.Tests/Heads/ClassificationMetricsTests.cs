using FluentAssertions;
using NlpTransfer.Data;
using NlpTransfer.Heads;
using Xunit;

namespace NlpTransfer.Tests.Heads;

public sealed class ClassificationMetricsTests
{
    [Fact]
    public void Compute_HandCountedExample_GivesExpectedFigures()
    {
        // gold:      a a a b b c
        // predicted: a a b b c c
        var labels = LabelMap.FromLabels(["a", "b", "c"]);
        int[] gold = [0, 0, 0, 1, 1, 2];
        int[] predicted = [0, 0, 1, 1, 2, 2];

        ClassificationMetrics metrics = ClassificationMetrics.Compute(gold, predicted, labels);

        metrics.Accuracy.Should().BeApproximately(4.0 / 6, 1e-12);
        metrics.MicroF1.Should().BeApproximately(4.0 / 6, 1e-12);
        // a: P 1, R 2/3, F1 0.8; b: P 1/2, R 1/2, F1 1/2; c: P 1/2, R 1, F1 2/3.
        metrics.PerClass.Select(c => c.F1).Should().Equal([0.8, 0.5, 2.0 / 3], (x, y) => Math.Abs(x - y) < 1e-12);
        metrics.MacroF1.Should().BeApproximately((0.8 + 0.5 + 2.0 / 3) / 3, 1e-12);
        metrics.PerClass[0].Precision.Should().Be(1.0);
        metrics.PerClass[0].Recall.Should().BeApproximately(2.0 / 3, 1e-12);
        metrics.PerClass[2].Support.Should().Be(1);
        metrics.ConfusionMatrix[0].Should().Equal(2, 1, 0);
        metrics.ConfusionMatrix[1].Should().Equal(0, 1, 1);
        metrics.ConfusionMatrix[2].Should().Equal(0, 0, 1);
    }

    [Fact]
    public void Compute_LengthMismatch_Throws()
    {
        Action act = () => ClassificationMetrics.Compute([0, 1], [0], LabelMap.FromLabels(["a", "b"]));

        act.Should().Throw<ArgumentException>();
    }
}
