using FluentAssertions;
using NlpTransfer.Embeddings;
using Xunit;

namespace NlpTransfer.Tests.Embeddings;

public sealed partial class WordVectorsTests
{
    [Fact]
    public void FromMatrix_ThreeWords_IndexesRowsAndNorms()
    {
        var vectors = WordVectors.FromMatrix(["a", "b", "c"], [3f, 4f, 0f, 1f, 1f, 1f], dimensions: 2);

        vectors.Count.Should().Be(3);
        vectors.IndexOf("b").Should().Be(1);
        vectors.IndexOf("B").Should().Be(-1);
        vectors[2].ToArray().Should().Equal(1f, 1f);
        vectors.Norms[0].Should().BeApproximately(5f, 1e-6f);
    }

    [Fact]
    public void FromMatrix_RepeatedKey_Throws()
    {
        var act = () => WordVectors.FromMatrix(["a", "a"], [1f, 2f], dimensions: 1);

        act.Should().Throw<ArgumentException>().WithMessage("*'a'*rows 0 and 1*");
    }
}
