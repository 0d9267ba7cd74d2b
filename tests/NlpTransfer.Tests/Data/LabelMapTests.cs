using FluentAssertions;
using NlpTransfer.Data;
using Xunit;

namespace NlpTransfer.Tests.Data;

public sealed class LabelMapTests
{
    [Fact]
    public void Build_Dataset_OrdersLabelsOrdinally()
    {
        var data = LabeledDataset.FromExamples([
            new LabeledExample("a", ["World"], 1), new LabeledExample("b", ["Business"], 2),
            new LabeledExample("c", ["Sci/Tech"], 3), new LabeledExample("d", ["Sports", "World"], 4)]);

        LabelMap map = LabelMap.Build(data);

        map.Labels.Should().Equal("Business", "Sci/Tech", "Sports", "World");
        map.IndexOf("Sports").Should().Be(2);
        map.IndexOf("Weather").Should().Be(-1);
    }

    [Fact]
    public void FromLabels_Repeated_Throws()
    {
        Action act = () => LabelMap.FromLabels(["a", "a"]);

        act.Should().Throw<ArgumentException>().WithMessage("*'a' appears twice*");
    }
}
