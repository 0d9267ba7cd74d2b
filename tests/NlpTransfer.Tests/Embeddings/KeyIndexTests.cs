using FluentAssertions;
using NlpTransfer.Embeddings;
using Xunit;

namespace NlpTransfer.Tests.Embeddings;

public sealed class KeyIndexTests
{
    [Fact]
    public void Build_ManyKeys_EveryKeyFoundAndAbsentKeysNot()
    {
        string[] keys = Enumerable.Range(0, 50_000).Select(i => "w" + i.ToString("x")).ToArray();

        var index = KeyIndex.Build(keys, duplicates: null)!;

        for (int i = 0; i < keys.Length; i++)
        {
            if (index.IndexOf(keys[i]) != i)
            {
                Assert.Fail($"{keys[i]} found at {index.IndexOf(keys[i])}, expected {i}");
            }
        }

        index.IndexOf("absent").Should().Be(-1);
        index.IndexOf("").Should().Be(-1);
        index.IndexOf("W0").Should().Be(-1, "lookups are ordinal and case-sensitive");
    }

    [Fact]
    public void Build_DuplicateKeys_FirstRowWinsAndPairsReported()
    {
        var duplicates = new List<(int Row, int FirstRow)>();

        var index = KeyIndex.Build(["a", "b", "a", "c", "b", "a"], duplicates)!;

        index.IndexOf("a").Should().Be(0);
        index.IndexOf("b").Should().Be(1);
        index.IndexOf("c").Should().Be(3);
        duplicates.Should().Equal((2, 0), (4, 1), (5, 0));
    }

    [Fact]
    public void Build_DuplicateWithoutList_ReturnsNull()
    {
        KeyIndex.Build(["x", "y", "x"], duplicates: null).Should().BeNull();
    }

    [Fact]
    public void IndexOf_EmptyIndex_MinusOne()
    {
        KeyIndex.Build([], duplicates: null)!.IndexOf("a").Should().Be(-1);
    }
}
