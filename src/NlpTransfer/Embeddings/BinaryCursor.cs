using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace NlpTransfer.Embeddings;

/// <summary>
/// Reads little-endian values from an <see cref="InputBuffer"/> at a moving offset; running past the end throws an
/// <see cref="InvalidDataException"/> that names the file, the byte offset and what was expected.
/// </summary>
internal struct BinaryCursor(InputBuffer input, long offset)
{
    public long Offset { get; set; } = offset;

    public readonly long Remaining => input.Length - Offset;

    public readonly InputBuffer Input => input;

    public readonly InvalidDataException Error(string message) => Error(Offset, message);

    public readonly InvalidDataException Error(long at, string message) => new($"{input.Name}: byte {at}: {message}");

    public readonly void Require(long bytes, string what)
    {
        if (bytes > Remaining)
        {
            throw Error($"expected {what} ({bytes} bytes), found {Math.Max(0, Remaining)} bytes before the end of the file");
        }
    }

    public int ReadInt32(string what)
    {
        Require(4, what);
        int value = BinaryPrimitives.ReadInt32LittleEndian(input.Slice(Offset, 4));
        Offset += 4;
        return value;
    }

    public long ReadInt64(string what)
    {
        Require(8, what);
        long value = BinaryPrimitives.ReadInt64LittleEndian(input.Slice(Offset, 8));
        Offset += 8;
        return value;
    }

    public double ReadDouble(string what)
    {
        Require(8, what);
        double value = BinaryPrimitives.ReadDoubleLittleEndian(input.Slice(Offset, 8));
        Offset += 8;
        return value;
    }

    public byte ReadByte(string what)
    {
        Require(1, what);
        byte value = input.Slice(Offset, 1)[0];
        Offset += 1;
        return value;
    }

    public ReadOnlySpan<byte> ReadBytes(int count, string what)
    {
        Require(count, what);
        var bytes = input.Slice(Offset, count);
        Offset += count;
        return bytes;
    }

    /// <summary>Copies <paramref name="destination"/>.Length little-endian float32 values (in slices, so any size works).</summary>
    public void ReadFloats(Span<float> destination, string what)
    {
        long bytes = (long)destination.Length * sizeof(float);
        Require(bytes, what);
        const int slice = 1 << 28;
        for (int start = 0; start < destination.Length; start += slice)
        {
            var part = destination.Slice(start, Math.Min(slice, destination.Length - start));
            input.Slice(Offset, part.Length * sizeof(float)).CopyTo(MemoryMarshal.AsBytes(part));
            Offset += part.Length * sizeof(float);
        }
    }
}
