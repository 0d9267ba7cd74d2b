using FluentAssertions;
using NlpTransfer.Data;
using NlpTransfer.Encoders;
using Xunit;

namespace NlpTransfer.Tests.Data;

public sealed class FeatureCacheTests
{
    [Fact]
    public void GetOrEncode_SecondCall_ReadsTheCacheWithoutEncoding()
    {
        // Arrange
        string folder = Directory.CreateTempSubdirectory("nlpt-cache").FullName;
        string file = Path.Combine(folder, "d.txt");
        File.WriteAllText(file, "1 ab\n0 abc\n");
        LabeledDataset data = LabeledDataset.Read(file);
        var encoder = new CountingEncoder("len-v1");
        var cache = new FeatureCache(Path.Combine(folder, "cache"));

        // Act
        float[] first = cache.GetOrEncode(encoder, data, out bool firstHit);
        float[] second = new FeatureCache(Path.Combine(folder, "cache")).GetOrEncode(encoder, data, out bool secondHit);

        // Assert
        firstHit.Should().BeFalse();
        secondHit.Should().BeTrue();
        encoder.Calls.Should().Be(1);
        second.Should().Equal(first).And.Equal(2f, 1f, 3f, 1f);
    }

    [Fact]
    public void GetOrEncode_OtherEncoderIdentity_EncodesAgain()
    {
        string folder = Directory.CreateTempSubdirectory("nlpt-cache").FullName;
        string file = Path.Combine(folder, "d.txt");
        File.WriteAllText(file, "1 ab\n");
        LabeledDataset data = LabeledDataset.Read(file);
        var cache = new FeatureCache(folder);
        cache.GetOrEncode(new CountingEncoder("len-v1"), data, out _);
        var other = new CountingEncoder("len-v2");

        cache.GetOrEncode(other, data, out bool hit);

        hit.Should().BeFalse();
        other.Calls.Should().Be(1);
    }

    [Fact]
    public void GetOrEncode_CorruptCacheFile_IsIgnoredAndRewritten()
    {
        string folder = Directory.CreateTempSubdirectory("nlpt-cache").FullName;
        string file = Path.Combine(folder, "d.txt");
        File.WriteAllText(file, "1 ab\n");
        LabeledDataset data = LabeledDataset.Read(file);
        var cache = new FeatureCache(Path.Combine(folder, "c"));
        cache.GetOrEncode(new CountingEncoder("e"), data, out _);
        string cached = Directory.GetFiles(Path.Combine(folder, "c")).Single();
        File.WriteAllBytes(cached, File.ReadAllBytes(cached)[..10]);

        float[] features = cache.GetOrEncode(new CountingEncoder("e"), data, out bool hit);

        hit.Should().BeFalse();
        features.Should().Equal(2f, 1f);
        new FileInfo(cached).Length.Should().BeGreaterThan(10);
    }

    /// <summary>Encodes a text as (length, 1) and counts Encode calls.</summary>
    private sealed class CountingEncoder(string identity) : IDocumentEncoder
    {
        public int Calls { get; private set; }

        public int Dimensions => 2;

        public string Identity => identity;

        public void Encode(IReadOnlyList<string> texts, Span<float> destination)
        {
            Calls++;
            for (int i = 0; i < texts.Count; i++)
            {
                destination[2 * i] = texts[i].Length;
                destination[2 * i + 1] = 1f;
            }
        }
    }
}
