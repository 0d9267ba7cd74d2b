using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using NlpTransfer.Embeddings;

namespace NlpTransfer.Alignment;

/// <summary>Identifies a set of word vectors: size, dimension and a SHA-256 over the keys and the float matrix.</summary>
/// <param name="Count">Number of words.</param>
/// <param name="Dimensions">Vector length.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the count, dimension, every key (UTF-8, newline-terminated) and the matrix (little-endian float32).</param>
public sealed record VectorsFingerprint(int Count, int Dimensions, string Sha256)
{
    /// <summary>Computes the fingerprint of <paramref name="vectors"/> (reads the whole matrix once).</summary>
    public static VectorsFingerprint Of(WordVectors vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> header = stackalloc byte[8];
        BitConverter.TryWriteBytes(header, vectors.Count);
        BitConverter.TryWriteBytes(header[4..], vectors.Dimensions);
        hash.AppendData(header);
        var buffer = new byte[256];
        foreach (string key in vectors.Keys)
        {
            int needed = Encoding.UTF8.GetMaxByteCount(key.Length) + 1;
            if (needed > buffer.Length)
            {
                buffer = new byte[needed];
            }

            int written = Encoding.UTF8.GetBytes(key, buffer);
            buffer[written] = (byte)'\n';
            hash.AppendData(buffer, 0, written + 1);
        }

        ReadOnlySpan<float> matrix = vectors.Matrix;
        const int Chunk = 1 << 18;
        for (int offset = 0; offset < matrix.Length; offset += Chunk)
        {
            ReadOnlySpan<float> part = matrix.Slice(offset, Math.Min(Chunk, matrix.Length - offset));
            if (BitConverter.IsLittleEndian)
            {
                hash.AppendData(MemoryMarshal.AsBytes(part));
            }
            else
            {
                var bytes = new byte[part.Length * sizeof(float)];
                for (int i = 0; i < part.Length; i++)
                {
                    System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), part[i]);
                }

                hash.AppendData(bytes);
            }
        }

        return new VectorsFingerprint(vectors.Count, vectors.Dimensions, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
