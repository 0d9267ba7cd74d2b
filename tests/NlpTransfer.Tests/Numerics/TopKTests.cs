using FluentAssertions;
using NlpTransfer.Numerics;
using Xunit;

namespace NlpTransfer.Tests.Numerics;

public sealed class TopKTests
{
    [Fact]
    public void Select_RandomScores_MatchesFullSort()
    {
        var random = new Random(7);
        for (int n = 1; n <= 60; n++)
        {
            float[] scores = Enumerable.Range(0, n).Select(_ => (float)random.Next(0, 10)).ToArray();
            int k = random.Next(1, n + 3);
            var indices = new int[k];
            var values = new float[k];

            int written = TopK.Select(scores, indices, values);

            int[] expected = Enumerable.Range(0, n).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(k).ToArray();
            written.Should().Be(expected.Length);
            indices.Take(written).Should().Equal(expected);
            values.Take(written).Should().Equal(expected.Select(i => scores[i]));
        }
    }

    [Fact]
    public void Select_NaNScores_AreSkipped()
    {
        var indices = new int[3];
        var values = new float[3];

        int written = TopK.Select([float.NaN, 1f, float.NaN], indices, values);

        written.Should().Be(1);
        indices[0].Should().Be(1);
    }
}
