using FluentAssertions;
using NlpTransfer.Data;
using Xunit;

namespace NlpTransfer.Tests.Data;

public sealed class EncodedDatasetTests
{
    [Fact]
    public void Create_DevLabelAbsentFromTrain_ThrowsNamingLineAndLabel()
    {
        var train = LabeledDataset.FromExamples([new LabeledExample("a", ["pos"], 1), new LabeledExample("b", ["neg"], 2)], "train.txt");
        var dev = LabeledDataset.FromExamples([new LabeledExample("c", ["neutral"], 7)], "dev.txt");
        LabelMap map = LabelMap.Build(train);

        Action act = () => EncodedDataset.Create(dev, [0f, 0f], 2, map, multiLabel: false);

        act.Should().Throw<InvalidDataException>().WithMessage("dev.txt:7: label 'neutral' is not among the 2 training labels [neg, pos]");
    }

    [Fact]
    public void Create_NaNFeature_ThrowsNamingExample()
    {
        var data = LabeledDataset.FromExamples([new LabeledExample("a", ["x"], 1), new LabeledExample("b", ["y"], 2)], "d.txt");

        Action act = () => EncodedDataset.Create(data, [0f, 1f, float.NaN, 2f], 2, LabelMap.Build(data), false);

        act.Should().Throw<InvalidDataException>().WithMessage("d.txt:2: feature 0 of example 1 is NaN; features must be finite");
    }

    [Fact]
    public void Create_SeveralLabelsForSingleLabelTask_Throws()
    {
        var data = LabeledDataset.FromExamples([new LabeledExample("a", ["x", "y"], 3)], "d.txt");

        Action act = () => EncodedDataset.Create(data, [0f], 1, LabelMap.Build(data), false);

        act.Should().Throw<InvalidDataException>().WithMessage("d.txt:3: expected exactly one label*multi-label*");
    }

    [Fact]
    public void Create_MultiLabel_BuildsTargetMatrix()
    {
        var data = LabeledDataset.FromExamples([new LabeledExample("a", ["y", "x"], 1), new LabeledExample("b", [], 2)]);
        LabelMap map = LabelMap.FromLabels(["x", "y", "z"]);

        EncodedDataset encoded = EncodedDataset.Create(data, [1f, 2f], 1, map, multiLabel: true);

        encoded.Targets.ToArray().Should().Equal(1f, 1f, 0f, 0f, 0f, 0f);
        encoded.ClassIndices.ToArray().Should().Equal(1, -1);
    }

    [Fact]
    public void Create_WrongFeatureLength_Throws()
    {
        var data = LabeledDataset.FromExamples([new LabeledExample("a", ["x"], 1)]);

        Action act = () => EncodedDataset.Create(data, [1f, 2f, 3f], 2, LabelMap.Build(data), false);

        act.Should().Throw<ArgumentException>().WithMessage("Expected 1 × 2 = 2 feature values, found 3*");
    }
}
