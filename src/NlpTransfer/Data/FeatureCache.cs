using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using NlpTransfer.Encoders;
using NlpTransfer.IO;

namespace NlpTransfer.Data;

/// <summary>
/// Encoder outputs for whole datasets, computed once and kept as files in a cache folder chosen by the caller,
/// keyed by the encoder's <see cref="IDocumentEncoder.Identity"/>, the dataset file's SHA-256 and the SHA-256 of
/// the texts read from it (so options that change which texts are read change the key; label options do not). Later epochs reuse the array in memory; later runs read the file. Thread-safe for distinct keys.
/// </summary>
/// <remarks>
/// File layout (little-endian): the 8 ASCII bytes <c>NLPTFEAT</c>, int32 version (1), int32 rows, int32 dimensions,
/// int32 key length and the UTF-8 key, then rows × dimensions float32. A file whose header, key or length does not
/// match is ignored and rewritten. Writes go to a temporary file renamed into place.
/// </remarks>
public sealed class FeatureCache
{
    private const int Version = 1;
    private const int BatchSize = 64;
    private static ReadOnlySpan<byte> Magic => "NLPTFEAT"u8;

    /// <summary>Creates a cache over <paramref name="directory"/> (created on first write).</summary>
    public FeatureCache(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The cache folder.</summary>
    public string Directory { get; }

    /// <summary>
    /// The features of every text of <paramref name="dataset"/> under <paramref name="encoder"/>: read from the cache
    /// when present, else encoded (in batches of 64, reporting the number of texts done) and stored.
    /// </summary>
    /// <param name="encoder">The encoder.</param>
    /// <param name="dataset">The dataset; its file's SHA-256 and its texts' SHA-256 are part of the key.</param>
    /// <param name="fromCache">Whether the features were read from the cache.</param>
    /// <param name="progress">Receives the number of texts encoded so far; null for none.</param>
    /// <param name="cancellationToken">Cancels encoding between batches.</param>
    /// <returns>dataset.Count × encoder.Dimensions values, row-major (a new array the caller owns).</returns>
    public float[] GetOrEncode(IDocumentEncoder encoder, LabeledDataset dataset, out bool fromCache,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(dataset);
        string key = $"{encoder.Identity}\n{dataset.Sha256}\n{dataset.TextsSha256}\n{dataset.Count}";
        string path = PathFor(dataset, key);
        float[]? cached = TryRead(path, key, dataset.Count, encoder.Dimensions);
        if (cached is not null)
        {
            fromCache = true;
            progress?.Report(dataset.Count);
            return cached;
        }

        float[] features = EncodeAll(encoder, dataset.GetTexts(), progress, cancellationToken);
        Write(path, key, dataset.Count, encoder.Dimensions, features);
        fromCache = false;
        return features;
    }

    /// <summary>Encodes <paramref name="texts"/> in batches of 64, without caching.</summary>
    /// <returns>texts.Count × encoder.Dimensions values, row-major.</returns>
    public static float[] EncodeAll(IDocumentEncoder encoder, IReadOnlyList<string> texts, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(texts);
        int dimensions = encoder.Dimensions;
        var features = new float[(long)texts.Count * dimensions];
        var batch = new List<string>(BatchSize);
        for (int start = 0; start < texts.Count; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(BatchSize, texts.Count - start);
            batch.Clear();
            for (int i = 0; i < count; i++)
            {
                batch.Add(texts[start + i]);
            }

            encoder.Encode(batch, features.AsSpan(start * dimensions, count * dimensions));
            progress?.Report(start + count);
        }

        return features;
    }

    private string PathFor(LabeledDataset dataset, string key)
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24];
        string stem = Path.GetFileName(dataset.Name);
        var safe = new StringBuilder(stem.Length);
        foreach (char c in stem)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        if (safe.Length > 60)
        {
            safe.Length = 60;
        }

        return Path.Combine(Directory, $"{safe}.{hash}.nlptfeat");
    }

    private static float[]? TryRead(string path, string key, int rows, int dimensions)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            byte[] keyBytes = Encoding.UTF8.GetBytes(key);
            long expected = 8 + 16 + keyBytes.Length + (long)rows * dimensions * sizeof(float);
            if (stream.Length != expected)
            {
                return null;
            }

            Span<byte> header = stackalloc byte[24];
            stream.ReadExactly(header);
            if (!header[..8].SequenceEqual(Magic)
                || BinaryPrimitives.ReadInt32LittleEndian(header[8..]) != Version
                || BinaryPrimitives.ReadInt32LittleEndian(header[12..]) != rows
                || BinaryPrimitives.ReadInt32LittleEndian(header[16..]) != dimensions
                || BinaryPrimitives.ReadInt32LittleEndian(header[20..]) != keyBytes.Length)
            {
                return null;
            }

            var storedKey = new byte[keyBytes.Length];
            stream.ReadExactly(storedKey);
            if (!storedKey.AsSpan().SequenceEqual(keyBytes))
            {
                return null;
            }

            var features = new float[(long)rows * dimensions];
            stream.ReadExactly(MemoryMarshal.AsBytes(features.AsSpan()));
            if (!BitConverter.IsLittleEndian)
            {
                return null;
            }

            return features;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private void Write(string path, string key, int rows, int dimensions, float[] features)
    {
        if (!BitConverter.IsLittleEndian)
        {
            return;
        }

        AtomicFile.Write(
            path,
            stream =>
            {
                byte[] keyBytes = Encoding.UTF8.GetBytes(key);
                Span<byte> header = stackalloc byte[24];
                Magic.CopyTo(header);
                BinaryPrimitives.WriteInt32LittleEndian(header[8..], Version);
                BinaryPrimitives.WriteInt32LittleEndian(header[12..], rows);
                BinaryPrimitives.WriteInt32LittleEndian(header[16..], dimensions);
                BinaryPrimitives.WriteInt32LittleEndian(header[20..], keyBytes.Length);
                stream.Write(header);
                stream.Write(keyBytes);
                stream.Write(MemoryMarshal.AsBytes(features.AsSpan()));
            },
            createDirectory: true,
            flushToDisk: false);
    }
}
