using FluentAssertions;
using Microsoft.Extensions.AI;
using NlpTransfer.Encoders;
using Xunit;

namespace NlpTransfer.Tests.Encoders;

public sealed class DocumentEmbeddingGeneratorTests
{
    [Fact]
    public async Task GenerateAsync_Texts_ReturnsOneEmbeddingPerTextInOrder()
    {
        // Arrange
        var encoder = new LengthEncoder();
        using var generator = new DocumentEmbeddingGenerator(encoder);

        // Act
        var embeddings = await generator.GenerateAsync(["a", "abc", "ab"]);

        // Assert
        embeddings.Select(e => e.Vector.ToArray()).Should().BeEquivalentTo(
            new[] { new[] { 1f, 2f }, new[] { 3f, 6f }, new[] { 2f, 4f } }, o => o.WithStrictOrdering());
        embeddings.Should().OnlyContain(e => e.ModelId == "length/test");
    }

    [Fact]
    public async Task GenerateAsync_MoreThanOneChunk_EncodesEveryText()
    {
        // Arrange
        var texts = Enumerable.Range(1, DocumentEmbeddingGenerator.ChunkSize + 3).Select(i => new string('x', i)).ToArray();
        using var generator = new DocumentEmbeddingGenerator(new LengthEncoder());

        // Act
        var embeddings = await generator.GenerateAsync(texts);

        // Assert
        embeddings.Should().HaveCount(texts.Length);
        embeddings[^1].Vector.Span[0].Should().Be(texts.Length);
    }

    [Fact]
    public async Task GenerateAsync_NullValue_ThrowsArgumentExceptionNamingIndex()
    {
        // Arrange
        using var generator = new DocumentEmbeddingGenerator(new LengthEncoder());

        // Act
        var act = () => generator.GenerateAsync(["a", null!]);

        // Assert
        await act.Should().ThrowAsync<ArgumentException>().WithMessage("values[1] is null*");
    }

    [Fact]
    public async Task GenerateAsync_OtherDimensionsRequested_ThrowsArgumentException()
    {
        // Arrange
        using var generator = new DocumentEmbeddingGenerator(new LengthEncoder());

        // Act
        var act = () => generator.GenerateAsync(["a"], new EmbeddingGenerationOptions { Dimensions = 3 });

        // Assert
        await act.Should().ThrowAsync<ArgumentException>().WithMessage("options.Dimensions is 3; this encoder produces 2*");
    }

    [Fact]
    public async Task GenerateAsync_Cancelled_Throws()
    {
        // Arrange
        using var generator = new DocumentEmbeddingGenerator(new LengthEncoder());

        // Act
        var act = () => generator.GenerateAsync(["a"], cancellationToken: new CancellationToken(canceled: true));

        // Assert
        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void GetService_Metadata_DescribesEncoder()
    {
        // Arrange
        var encoder = new LengthEncoder();
        using var generator = new DocumentEmbeddingGenerator(encoder);

        // Act
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        // Assert
        metadata!.DefaultModelId.Should().Be("length/test");
        metadata.DefaultModelDimensions.Should().Be(2);
        generator.GetService(typeof(IDocumentEncoder)).Should().BeSameAs(encoder);
    }

    [Fact]
    public void Dispose_OwnsEncoder_DisposesIt()
    {
        // Arrange
        var encoder = new LengthEncoder();
        var generator = new DocumentEmbeddingGenerator(encoder, ownsEncoder: true);

        // Act
        generator.Dispose();

        // Assert
        encoder.Disposed.Should().BeTrue();
    }

    /// <summary>Encodes a text as (length, 2 × length): easy to check, independent of any model.</summary>
    private sealed class LengthEncoder : IDocumentEncoder, IDisposable
    {
        public int Dimensions => 2;

        public string Identity => "length/test";

        public bool Disposed { get; private set; }

        public void Encode(IReadOnlyList<string> texts, Span<float> destination)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                destination[2 * i] = texts[i].Length;
                destination[2 * i + 1] = 2 * texts[i].Length;
            }
        }

        public void Dispose() => Disposed = true;
    }
}
