using FluentAssertions;
using NlpTransfer.Alignment;
using NlpTransfer.Embeddings;
using Xunit;

namespace NlpTransfer.Tests.Alignment;

public sealed class VectorsFingerprintTests
{
    [Fact]
    public void Of_SameContent_GivesSameHash_AndAnyChangeAltersIt()
    {
        WordVectors a = WordVectors.FromMatrix(["x", "y"], [1f, 2f, 3f, 4f], 2);
        WordVectors same = WordVectors.FromMatrix(["x", "y"], [1f, 2f, 3f, 4f], 2);
        WordVectors otherValue = WordVectors.FromMatrix(["x", "y"], [1f, 2f, 3f, 4.0001f], 2);
        WordVectors otherKey = WordVectors.FromMatrix(["x", "z"], [1f, 2f, 3f, 4f], 2);

        VectorsFingerprint fingerprint = VectorsFingerprint.Of(a);

        fingerprint.Should().Be(VectorsFingerprint.Of(same));
        fingerprint.Sha256.Should().NotBe(VectorsFingerprint.Of(otherValue).Sha256).And.NotBe(VectorsFingerprint.Of(otherKey).Sha256);
        fingerprint.Count.Should().Be(2);
        fingerprint.Dimensions.Should().Be(2);
    }
}
