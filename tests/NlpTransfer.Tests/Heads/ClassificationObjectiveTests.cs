using FluentAssertions;
using NlpTransfer.Data;
using NlpTransfer.Heads;
using Xunit;

namespace NlpTransfer.Tests.Heads;

public sealed class ClassificationObjectiveTests
{
    public static TheoryData<string, int, ClassWeighting, float> Heads() => new()
    {
        { "softmax-linear", 0, ClassWeighting.None, 0f },
        { "softmax-linear-balanced", 0, ClassWeighting.Balanced, 0f },
        { "softmax-mlp", 6, ClassWeighting.None, 0f },
        { "softmax-mlp-dropout", 6, ClassWeighting.Balanced, 0.3f },
        { "multilabel-linear", 0, ClassWeighting.Balanced, 0f },
        { "multilabel-mlp-dropout", 5, ClassWeighting.None, 0.25f },
    };

    [Theory]
    [MemberData(nameof(Heads))]
    public void ComputeLossAndGradient_EveryHead_MatchesCentralFiniteDifferences(string name, int hidden, ClassWeighting weighting, float dropout)
    {
        // Arrange: an unbalanced set so that class weights differ from 1, random non-zero parameters.
        bool multi = name.StartsWith("multilabel", StringComparison.Ordinal);
        EncodedDataset data = multi ? HeadTestData.MultiLabel(9, 3, 4, seed: 5) : Unbalanced();
        var options = new TrainingOptions
        {
            Task = multi ? HeadTask.MultiLabel : HeadTask.Classify,
            HiddenUnits = hidden,
            ClassWeighting = weighting,
            Dropout = dropout,
        };
        var network = new HeadNetwork(data.Dimensions, hidden, data.Labels.Count);
        var parameters = new float[network.ParameterCount];
        var random = new Random(11);
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] = (float)(random.NextDouble() - 0.5);
        }

        var objective = new ClassificationObjective(network, parameters, data, null, options);
        int[] batch = Enumerable.Range(0, data.Count).ToArray();
        var gradient = new float[parameters.Length];
        // The same seed for every call replays the same dropout mask, so the loss is one smooth function.
        Random Mask() => dropout > 0 ? new Random(77) : null!;

        // Act
        objective.ComputeLossAndGradient(batch, gradient, dropout > 0 ? Mask() : null);

        // Assert
        var scratch = new float[parameters.Length];
        const float Step = 1e-2f;
        for (int p = 0; p < parameters.Length; p++)
        {
            float saved = parameters[p];
            parameters[p] = saved + Step;
            double plus = objective.ComputeLossAndGradient(batch, scratch, dropout > 0 ? Mask() : null);
            parameters[p] = saved - Step;
            double minus = objective.ComputeLossAndGradient(batch, scratch, dropout > 0 ? Mask() : null);
            parameters[p] = saved;
            double numeric = (plus - minus) / (2 * Step);
            gradient[p].Should().BeApproximately((float)numeric, 2e-3f + 2e-2f * (float)Math.Abs(numeric), $"{name}: parameter {p}");
        }
    }

    private static EncodedDataset Unbalanced()
    {
        EncodedDataset blobs = HeadTestData.Blobs(4, 3, 4, seed: 3, spread: 1f);
        // Drop two examples of class 2 so that the classes are unbalanced.
        var keep = Enumerable.Range(0, blobs.Count).Where(i => !(blobs.ClassIndices[i] == 2 && i > 6)).ToArray();
        var features = keep.SelectMany(i => blobs.Row(i).ToArray()).ToArray();
        return EncodedDataset.FromArrays(features, blobs.Dimensions, keep.Select(i => new[] { blobs.ClassIndices[i] }).ToList(), blobs.Labels, false);
    }
}
