using Microsoft.Extensions.AI;

namespace NlpTransfer.Encoders;

/// <summary>
/// Microsoft.Extensions.AI's <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over any <see cref="IDocumentEncoder"/>,
/// so that code written against that abstraction (vector stores, RAG pipelines) can use a local encoder.
/// </summary>
/// <remarks>
/// Generation runs synchronously on the calling thread (the work is CPU-bound) and the returned task is already
/// complete. Cancellation is checked between chunks of <see cref="ChunkSize"/> texts. The embeddings of one call
/// share one array; each <see cref="Embedding{T}.Vector"/> is a slice of it. Thread-safe when the encoder is.
/// </remarks>
public sealed class DocumentEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Texts encoded between two cancellation checks.</summary>
    public const int ChunkSize = 256;

    private readonly IDocumentEncoder _encoder;
    private readonly bool _ownsEncoder;
    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <summary>Wraps <paramref name="encoder"/>.</summary>
    /// <param name="encoder">The encoder that computes the vectors.</param>
    /// <param name="ownsEncoder">Whether <see cref="Dispose"/> disposes the encoder (when it is <see cref="IDisposable"/>). Default: false.</param>
    public DocumentEmbeddingGenerator(IDocumentEncoder encoder, bool ownsEncoder = false)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        _encoder = encoder;
        _ownsEncoder = ownsEncoder;
        _metadata = new EmbeddingGeneratorMetadata("NlpTransfer", providerUri: null, encoder.Identity, encoder.Dimensions);
    }

    /// <summary>The encoder behind this generator.</summary>
    public IDocumentEncoder Encoder => _encoder;

    /// <summary>Encodes every value; embedding i belongs to value i and carries the encoder's identity as its model id.</summary>
    /// <param name="values">The texts; none may be null.</param>
    /// <param name="options">Optional; a requested <see cref="EmbeddingGenerationOptions.Dimensions"/> must equal the encoder's.</param>
    /// <param name="cancellationToken">Checked between chunks.</param>
    /// <exception cref="ArgumentException">A value is null (the message names its index) or other dimensions were requested.</exception>
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var dimensions = _encoder.Dimensions;
        if (options?.Dimensions is { } requested && requested != dimensions)
        {
            throw new ArgumentException($"options.Dimensions is {requested}; this encoder produces {dimensions}", nameof(options));
        }

        var texts = values as IReadOnlyList<string> ?? values.ToList();
        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i] is null)
            {
                throw new ArgumentException($"values[{i}] is null", nameof(values));
            }
        }

        var vectors = new float[texts.Count * dimensions];
        var createdAt = DateTimeOffset.UtcNow;
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        for (var start = 0; start < texts.Count; start += ChunkSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(ChunkSize, texts.Count - start);
            var chunk = new ListSlice(texts, start, count);
            _encoder.Encode(chunk, vectors.AsSpan(start * dimensions, count * dimensions));
        }

        for (var i = 0; i < texts.Count; i++)
        {
            result.Add(new Embedding<float>(vectors.AsMemory(i * dimensions, dimensions))
            {
                ModelId = _encoder.Identity,
                CreatedAt = createdAt,
            });
        }

        return Task.FromResult(result);
    }

    /// <summary>
    /// Returns the <see cref="EmbeddingGeneratorMetadata"/> (provider "NlpTransfer", model id = encoder identity,
    /// dimensions), this generator, or the encoder when it is of <paramref name="serviceType"/>; otherwise null.
    /// </summary>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(EmbeddingGeneratorMetadata))
        {
            return _metadata;
        }

        if (serviceType.IsInstanceOfType(this))
        {
            return this;
        }

        return serviceType.IsInstanceOfType(_encoder) ? _encoder : null;
    }

    /// <summary>Disposes the encoder when this generator owns it.</summary>
    public void Dispose()
    {
        if (_ownsEncoder && _encoder is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    private sealed class ListSlice(IReadOnlyList<string> list, int start, int count) : IReadOnlyList<string>
    {
        public string this[int index] => list[start + index];

        public int Count => count;

        public IEnumerator<string> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return list[start + i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
