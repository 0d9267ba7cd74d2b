using FluentAssertions;
using NlpTransfer.Alignment;
using NlpTransfer.Embeddings;
using Xunit;

namespace NlpTransfer.Tests.Alignment;

public sealed class EmbeddingNormalizerTests
{
    [Theory]
    [InlineData("unit,center,unit", new[] { NormalizationStep.Unit, NormalizationStep.Center, NormalizationStep.Unit })]
    [InlineData("center+unit", new[] { NormalizationStep.Center, NormalizationStep.Unit })]
    [InlineData(" Unit , renorm ", new[] { NormalizationStep.Unit, NormalizationStep.Unit })]
    [InlineData("none", new NormalizationStep[0])]
    [InlineData("", new NormalizationStep[0])]
    public void ParseSteps_KnownNames_GivesStepsInOrder(string text, NormalizationStep[] expected)
    {
        EmbeddingNormalizer.ParseSteps(text).Should().Equal(expected);
    }

    [Fact]
    public void ParseSteps_UnknownName_ThrowsNamingIt()
    {
        var act = () => EmbeddingNormalizer.ParseSteps("unit,whiten");

        act.Should().Throw<ArgumentException>().WithMessage("*'whiten'*unit and center*");
    }

    [Fact]
    public void Apply_UnitCenterUnit_GivesUnitRowsAndLeavesInputUntouched()
    {
        // Arrange
        var random = new Random(1);
        float[] matrix = AlignmentFixtures.RandomMatrix(random, 50, 8);
        for (int i = 0; i < matrix.Length; i += 8)
        {
            matrix[i] += 3f; // a common direction that centring removes
        }

        WordVectors vectors = AlignmentFixtures.Vectors("w", matrix, 8);
        float[] before = vectors.Matrix.ToArray();
        var normalizer = EmbeddingNormalizer.Fit(vectors, EmbeddingNormalizer.ParseSteps("unit,center,unit"));

        // Act
        WordVectors normalized = normalizer.Apply(vectors);

        // Assert
        vectors.Matrix.ToArray().Should().Equal(before);
        normalized.Norms.ToArray().Should().OnlyContain(n => Math.Abs(n - 1f) < 1e-5f);
        normalizer.CenterMeans.Should().HaveCount(1);
        normalizer.CenterMeans[0][0].Should().BeGreaterThan(0.5f);
    }

    [Fact]
    public void Apply_Center_GivesZeroColumnMeans()
    {
        float[] matrix = [1, 2, 3, 6, 5, 10];
        var normalizer = EmbeddingNormalizer.Fit(matrix, 3, 2, [NormalizationStep.Center]);

        float[] centered = normalizer.Apply(matrix, 3, 2);

        centered.Should().Equal([-2, -4, 0, 0, 2, 4]);
        normalizer.CenterMeans[0].Should().Equal([3f, 6f]);
    }

    [Fact]
    public void ApplyInPlace_SingleVector_UsesTheFittedMean()
    {
        float[] matrix = [1, 0, 3, 0];
        var normalizer = EmbeddingNormalizer.Fit(matrix, 2, 2, [NormalizationStep.Center]);
        float[] vector = [2, 5];

        normalizer.ApplyInPlace(vector);

        vector.Should().Equal([0f, 5f]);
    }

    [Fact]
    public void Apply_OtherDimension_ThrowsDimensionMismatch()
    {
        var normalizer = EmbeddingNormalizer.Identity(4);

        var act = () => normalizer.Apply(new float[6], 2, 3);

        act.Should().Throw<ArgumentException>().WithMessage("*Dimension mismatch*4*3*");
    }

    [Fact]
    public void Apply_ZeroRow_StaysZero()
    {
        var normalizer = EmbeddingNormalizer.Fit(new float[4], 2, 2, [NormalizationStep.Unit]);

        normalizer.Apply(new float[] { 0, 0, 3, 4 }, 2, 2).Should().Equal([0f, 0f, 0.6f, 0.8f]);
    }
}
