using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace NlpTransfer.Cli.Commands.Embed;

/// <summary>
/// Writes the vectors of <c>nlpt embed</c> to a temporary file renamed into place on <see cref="Complete"/>:
/// .jsonl (<c>{"index": i, "vector": [...]}</c> per line), .npy (NumPy format 1.0, little-endian float32, shape
/// (rows, dimensions)) or .f32 (a 64-byte header then raw little-endian float32 rows; layout in docs/encoders.md).
/// </summary>
internal sealed class VectorFileWriter : IDisposable
{
    /// <summary>First 8 bytes of a .f32 file.</summary>
    public static ReadOnlySpan<byte> F32Magic => "NLPTF32\n"u8;

    private const int NpyHeaderBytes = 128;

    private readonly string _path;
    private readonly string _temporary;
    private readonly FileStream _stream;
    private readonly string _format;
    private readonly int _dimensions;
    private readonly string _identity;
    private int _rows;
    private bool _completed;

    private VectorFileWriter(string path, string format, int dimensions, string identity)
    {
        _path = path;
        _format = format;
        _dimensions = dimensions;
        _identity = identity;
        _temporary = path + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        _stream = new FileStream(_temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        if (format != "jsonl")
        {
            // Room for the header, written on completion when the row count is known.
            _stream.Write(new byte[format == "npy" ? NpyHeaderBytes : F32HeaderBytes(identity)]);
        }
    }

    public static VectorFileWriter Create(string path, int dimensions, string identity)
    {
        var format = Path.GetExtension(path).ToLowerInvariant().TrimStart('.');
        return new VectorFileWriter(path, format, dimensions, identity);
    }

    /// <summary>Appends <paramref name="rows"/> vectors (row-major).</summary>
    public void Write(ReadOnlySpan<float> vectors, int rows)
    {
        if (_format == "jsonl")
        {
            var builder = new StringBuilder(rows * _dimensions * 12);
            for (var r = 0; r < rows; r++)
            {
                builder.Append("{\"index\":").Append((_rows + r).ToString(CultureInfo.InvariantCulture)).Append(",\"vector\":[");
                var row = vectors.Slice(r * _dimensions, _dimensions);
                for (var d = 0; d < row.Length; d++)
                {
                    if (d > 0)
                    {
                        builder.Append(',');
                    }

                    builder.Append(row[d].ToString("R", CultureInfo.InvariantCulture));
                }

                builder.Append("]}\n");
            }

            _stream.Write(Encoding.UTF8.GetBytes(builder.ToString()));
        }
        else
        {
            var bytes = new byte[rows * _dimensions * sizeof(float)];
            for (var i = 0; i < rows * _dimensions; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vectors[i]);
            }

            _stream.Write(bytes);
        }

        _rows += rows;
    }

    /// <summary>Writes the header (binary formats), flushes and renames the temporary file to the output path.</summary>
    public void Complete()
    {
        if (_format == "npy")
        {
            WriteNpyHeader();
        }
        else if (_format == "f32")
        {
            WriteF32Header();
        }

        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        File.Move(_temporary, _path, overwrite: true);
        _completed = true;
    }

    public void Dispose()
    {
        if (!_completed)
        {
            _stream.Dispose();
            File.Delete(_temporary);
        }
    }

    private void WriteNpyHeader()
    {
        var dictionary = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({_rows}, {_dimensions}), }}";
        var header = new byte[NpyHeaderBytes];
        header[0] = 0x93;
        "NUMPY"u8.CopyTo(header.AsSpan(1));
        header[6] = 1;
        header[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), NpyHeaderBytes - 10);
        var text = header.AsSpan(10);
        text.Fill((byte)' ');
        Encoding.ASCII.GetBytes(dictionary).CopyTo(text);
        text[^1] = (byte)'\n';
        _stream.Position = 0;
        _stream.Write(header);
    }

    /// <summary>Size of the .f32 header: 28 fixed bytes plus the identity, rounded up to a multiple of 64.</summary>
    private static int F32HeaderBytes(string identity) => (28 + Encoding.UTF8.GetByteCount(identity) + 63) / 64 * 64;

    private void WriteF32Header()
    {
        // magic[8] | version u32 = 1 | rows u32 | dimensions u32 | header bytes u32 (= data offset) |
        // identity length u32 | identity UTF-8 | zeros up to the data offset.
        var identity = Encoding.UTF8.GetBytes(_identity);
        var header = new byte[F32HeaderBytes(_identity)];
        F32Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(12), (uint)_rows);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), (uint)_dimensions);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(20), (uint)header.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(24), (uint)identity.Length);
        identity.CopyTo(header.AsSpan(28));
        _stream.Position = 0;
        _stream.Write(header);
    }
}
