using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.MemoryMappedFiles;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace NlpTransfer.Embeddings;

/// <summary>
/// NlpTransfer's native word-vector format (.ntv), version 1: a fixed header, the keys, the row norms and a 64-byte
/// aligned float32 matrix that is memory-mapped on open, so that opening costs time in the vocabulary, not the matrix.
/// </summary>
/// <remarks>
/// Layout, little-endian:
/// <code>
///  0  "NTVECTORS\n"     magic, 10 bytes          48 int64  key bytes length
/// 10  uint16 version (1)                          56 int64  norms offset (64-aligned, float32[count])
/// 12  uint32 flags (bit 0: rows are unit length)  64 int64  matrix offset (64-aligned, float32[count × dims])
/// 16  int64  count                                72 int64  file length
/// 24  int32  dimensions, 28 int32 reserved (0)    80 int32  metadata length, then UTF-8 JSON metadata
/// 32  int64  key lengths offset (int32[count])       {"format","version","producer","source_format","count","dimensions"}
/// 40  int64  key bytes offset (UTF-8, concatenated)
/// </code>
/// </remarks>
internal static class NativeVectorFile
{
    public const ushort Version = 1;
    public const int HeaderBytes = 84;
    private const int Alignment = 64;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The first bytes of every .ntv file.</summary>
    public static ReadOnlySpan<byte> Magic => "NTVECTORS\n"u8;

    /// <summary>Writes <paramref name="vectors"/> to <paramref name="stream"/> (not disposed).</summary>
    public static void Write(WordVectors vectors, Stream stream)
    {
        int count = vectors.Count;
        int dimensions = vectors.Dimensions;
        var keyBytes = new byte[count][];
        long keyBytesLength = 0;
        for (int i = 0; i < count; i++)
        {
            keyBytes[i] = Encoding.UTF8.GetBytes(vectors.Keys[i]);
            keyBytesLength += keyBytes[i].Length;
        }

        string producer = "NlpTransfer " + (typeof(NativeVectorFile).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?");
        byte[] metadata = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["format"] = "ntv",
            ["version"] = Version,
            ["producer"] = producer,
            ["source_format"] = vectors.Source.Format.ToString(),
            ["count"] = count,
            ["dimensions"] = dimensions,
        });

        long keyLengthsOffset = Align(HeaderBytes + metadata.Length, 8);
        long keyBytesOffset = keyLengthsOffset + (long)count * sizeof(int);
        long normsOffset = Align(keyBytesOffset + keyBytesLength, Alignment);
        long matrixOffset = Align(normsOffset + (long)count * sizeof(float), Alignment);
        long fileLength = matrixOffset + (long)count * dimensions * sizeof(float);
        bool unit = IsUnitLength(vectors.Norms);

        Span<byte> header = stackalloc byte[HeaderBytes];
        header.Clear();
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[10..], Version);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], unit ? 1u : 0u);
        BinaryPrimitives.WriteInt64LittleEndian(header[16..], count);
        BinaryPrimitives.WriteInt32LittleEndian(header[24..], dimensions);
        BinaryPrimitives.WriteInt64LittleEndian(header[32..], keyLengthsOffset);
        BinaryPrimitives.WriteInt64LittleEndian(header[40..], keyBytesOffset);
        BinaryPrimitives.WriteInt64LittleEndian(header[48..], keyBytesLength);
        BinaryPrimitives.WriteInt64LittleEndian(header[56..], normsOffset);
        BinaryPrimitives.WriteInt64LittleEndian(header[64..], matrixOffset);
        BinaryPrimitives.WriteInt64LittleEndian(header[72..], fileLength);
        BinaryPrimitives.WriteInt32LittleEndian(header[80..], metadata.Length);

        var output = new BufferedStream(stream, 1 << 20);
        long written = 0;
        Put(output, header, ref written);
        Put(output, metadata, ref written);
        Pad(output, keyLengthsOffset, ref written);
        Span<byte> four = stackalloc byte[4];
        foreach (byte[] key in keyBytes)
        {
            BinaryPrimitives.WriteInt32LittleEndian(four, key.Length);
            Put(output, four, ref written);
        }

        foreach (byte[] key in keyBytes)
        {
            Put(output, key, ref written);
        }

        Pad(output, normsOffset, ref written);
        Put(output, MemoryMarshal.AsBytes(vectors.Norms), ref written);
        Pad(output, matrixOffset, ref written);
        var matrix = vectors.Matrix;
        const int slice = 1 << 24;
        for (int start = 0; start < matrix.Length; start += slice)
        {
            Put(output, MemoryMarshal.AsBytes(matrix.Slice(start, Math.Min(slice, matrix.Length - start))), ref written);
        }

        output.Flush();
        Debug.Assert(written == fileLength, "the layout computed up front is what was written");
    }

    public static WordVectors Read(InputBuffer input, string? path, WordVectorLoadOptions options, WordVectorsSource source)
    {
        var clock = Stopwatch.StartNew();
        var layout = ReadLayout(input);
        int count = (int)Math.Min(layout.Count, options.MaxWords ?? long.MaxValue);
        int dimensions = layout.Dimensions;

        var keys = DecodeKeys(input, layout, count);
        if (options.LowercaseKeys)
        {
            for (int i = 0; i < keys.Length; i++)
            {
                keys[i] = keys[i].ToLowerInvariant();
            }
        }

        var index = KeyIndex.Build(keys, duplicates: null);
        bool distinct = index is not null;

        var norms = new float[count];
        MemoryMarshal.Cast<byte, float>(input.Slice(layout.NormsOffset, count * sizeof(float))).CopyTo(norms);
        bool normalizeNow = options.Normalize && !layout.UnitRows;
        var report = new WordVectorLoadReport
        {
            RowsRead = count,
            DeclaredCount = layout.Count,
            Truncated = count < layout.Count,
            Elapsed = clock.Elapsed,
        };

        if (path is not null && distinct && !normalizeNow)
        {
            var file = MemoryMappedFile.CreateFromFile(
                new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1), null, 0, MemoryMappedFileAccess.Read,
                HandleInheritability.None, leaveOpen: false);
            try
            {
                if (file.SafeMemoryMappedFileHandle.IsInvalid || new FileInfo(path).Length != layout.FileLength)
                {
                    throw new InvalidDataException($"{input.Name}: the file changed while it was opened");
                }

                var storage = new MappedVectorStorage(file, layout.MatrixOffset, count * dimensions);
                return new WordVectors(keys, index!, storage, dimensions, subwords: null, source, report, norms);
            }
            catch
            {
                file.Dispose();
                throw;
            }
        }

        float[] matrix = GC.AllocateUninitializedArray<float>(count * dimensions);
        new BinaryCursor(input, layout.MatrixOffset).ReadFloats(matrix, "the matrix");
        return WordVectorsAssembler.Assemble(keys, matrix, dimensions, options, source, row => row + 1, layout.Count, count < layout.Count, clock);
    }

    /// <summary>
    /// Decodes the keys on all cores: a pass over the int32 lengths gives each slice its byte offset, then every slice
    /// decodes its keys independently.
    /// </summary>
    private static string[] DecodeKeys(InputBuffer input, Layout layout, int count)
    {
        var keys = new string[count];
        int slices = count < 4096 ? 1 : Environment.ProcessorCount * 4;
        var starts = new long[slices];
        var firstKey = new int[slices + 1];
        long at = layout.KeyBytesOffset;
        long end = layout.KeyBytesOffset + layout.KeyBytesLength;
        int i = 0;
        for (int s = 0; s < slices; s++)
        {
            firstKey[s] = i;
            starts[s] = at;
            int until = (int)((long)count * (s + 1) / slices);
            for (; i < until; i++)
            {
                int length = KeyLength(input, layout, i);
                if (length < 0 || length > end - at)
                {
                    throw new InvalidDataException($"{input.Name}: byte {layout.KeyLengthsOffset + i * 4L}: expected the byte length of key {i + 1} within the key block, found {length}");
                }

                at += length;
            }
        }

        firstKey[slices] = count;
        var errors = new InvalidDataException?[slices];
        Parallel.For(0, slices, s =>
        {
            long offset = starts[s];
            for (int k = firstKey[s]; k < firstKey[s + 1]; k++)
            {
                int length = KeyLength(input, layout, k);
                try
                {
                    keys[k] = StrictUtf8.GetString(input.Slice(offset, length));
                }
                catch (DecoderFallbackException)
                {
                    errors[s] = new InvalidDataException($"{input.Name}: byte {offset}: expected key {k + 1} in UTF-8, found invalid bytes");
                    return;
                }

                offset += length;
            }
        });

        foreach (var error in errors)
        {
            if (error is not null)
            {
                throw error;
            }
        }

        return keys;
    }

    private static int KeyLength(InputBuffer input, Layout layout, int key) =>
        BinaryPrimitives.ReadInt32LittleEndian(input.Slice(layout.KeyLengthsOffset + key * 4L, 4));

    private sealed record Layout(
        long Count, int Dimensions, bool UnitRows, long KeyLengthsOffset, long KeyBytesOffset, long KeyBytesLength,
        long NormsOffset, long MatrixOffset, long FileLength);

    /// <summary>Checks every offset against the file's real length before anything is allocated.</summary>
    private static Layout ReadLayout(InputBuffer input)
    {
        string name = input.Name;
        if (input.Length < HeaderBytes || !input.Slice(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{name}: byte 0: expected the .ntv header ({HeaderBytes} bytes starting 'NTVECTORS'), found {Math.Min(input.Length, HeaderBytes)} bytes that are not one");
        }

        var header = input.Slice(0, HeaderBytes);
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(header[10..]);
        if (version != Version)
        {
            throw new InvalidDataException($"{name}: byte 10: expected .ntv version {Version}, found {version}");
        }

        uint flags = BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
        long count = BinaryPrimitives.ReadInt64LittleEndian(header[16..]);
        int dimensions = BinaryPrimitives.ReadInt32LittleEndian(header[24..]);
        long keyLengthsOffset = BinaryPrimitives.ReadInt64LittleEndian(header[32..]);
        long keyBytesOffset = BinaryPrimitives.ReadInt64LittleEndian(header[40..]);
        long keyBytesLength = BinaryPrimitives.ReadInt64LittleEndian(header[48..]);
        long normsOffset = BinaryPrimitives.ReadInt64LittleEndian(header[56..]);
        long matrixOffset = BinaryPrimitives.ReadInt64LittleEndian(header[64..]);
        long fileLength = BinaryPrimitives.ReadInt64LittleEndian(header[72..]);
        if (fileLength != input.Length)
        {
            throw new InvalidDataException($"{name}: byte {input.Length}: expected {fileLength} bytes as the header declares, found {input.Length}");
        }

        bool consistent = count >= 0 && dimensions >= 1
            && count * dimensions <= Array.MaxLength
            && keyLengthsOffset >= HeaderBytes && keyBytesOffset == keyLengthsOffset + count * sizeof(int)
            && keyBytesLength >= 0 && normsOffset >= keyBytesOffset + keyBytesLength && normsOffset % Alignment == 0
            && matrixOffset >= normsOffset + count * sizeof(float) && matrixOffset % Alignment == 0
            && matrixOffset + count * dimensions * sizeof(float) == fileLength;
        if (!consistent)
        {
            throw new InvalidDataException($"{name}: byte 16: expected a consistent .ntv layout for {fileLength} bytes, found count {count}, dimensions {dimensions}, matrix at {matrixOffset}");
        }

        return new Layout(count, dimensions, (flags & 1) != 0, keyLengthsOffset, keyBytesOffset, keyBytesLength, normsOffset, matrixOffset, fileLength);
    }

    private static bool IsUnitLength(ReadOnlySpan<float> norms)
    {
        foreach (float norm in norms)
        {
            if (Math.Abs(norm - 1f) > 1e-5f)
            {
                return false;
            }
        }

        return norms.Length > 0;
    }

    private static long Align(long offset, int alignment) => (offset + alignment - 1) / alignment * alignment;

    private static void Put(Stream stream, ReadOnlySpan<byte> bytes, ref long written)
    {
        stream.Write(bytes);
        written += bytes.Length;
    }

    private static void Pad(Stream stream, long to, ref long written)
    {
        Span<byte> zeros = stackalloc byte[Alignment];
        zeros.Clear();
        while (written < to)
        {
            int n = (int)Math.Min(zeros.Length, to - written);
            Put(stream, zeros[..n], ref written);
        }
    }
}
