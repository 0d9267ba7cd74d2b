using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace NlpTransfer.Embeddings;

/// <summary>
/// The bytes of a vector file as one read-only block: a memory-mapped view for a path (any size, paged in by the OS),
/// a pinned array for a stream. <see cref="Name"/> is what error messages call the input.
/// </summary>
internal sealed unsafe class InputBuffer : IDisposable
{
    private readonly MemoryMappedFile? _file;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly GCHandle _pin;

    private InputBuffer(string name, byte* pointer, long length, MemoryMappedFile? file, MemoryMappedViewAccessor? view, GCHandle pin)
    {
        Name = name;
        Pointer = pointer;
        Length = length;
        _file = file;
        _view = view;
        _pin = pin;
    }

    public string Name { get; }

    public byte* Pointer { get; }

    public long Length { get; }

    /// <summary>The bytes [offset, offset + length); length must fit an int.</summary>
    public ReadOnlySpan<byte> Slice(long offset, int length) => new(Pointer + offset, length);

    /// <summary>At most <paramref name="maxLength"/> bytes from <paramref name="offset"/>.</summary>
    public ReadOnlySpan<byte> Peek(long offset, int maxLength) =>
        offset >= Length ? default : new(Pointer + offset, (int)Math.Min(maxLength, Length - offset));

    public static InputBuffer Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            throw new InvalidDataException($"{path}: is a directory, expected a word-vector file");
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.None);
        try
        {
            long length = stream.Length;
            if (length == 0)
            {
                stream.Dispose();
                return new InputBuffer(path, null, 0, null, null, default);
            }

            var file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            var view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            return new InputBuffer(path, pointer + view.PointerOffset, length, file, view, default);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads the rest of <paramref name="stream"/> into a pinned array; the stream is not disposed.</summary>
    public static InputBuffer Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] data;
        if (stream.CanSeek)
        {
            long remaining = stream.Length - stream.Position;
            if (remaining > Array.MaxLength)
            {
                throw new NotSupportedException($"{name}: {remaining} bytes is more than a stream load can hold; load the file by path.");
            }

            data = GC.AllocateUninitializedArray<byte>((int)remaining, pinned: true);
            stream.ReadExactly(data);
        }
        else
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            data = GC.AllocateUninitializedArray<byte>((int)copy.Length, pinned: true);
            copy.GetBuffer().AsSpan(0, (int)copy.Length).CopyTo(data);
        }

        var pin = GCHandle.Alloc(data, GCHandleType.Pinned);
        return new InputBuffer(name, (byte*)pin.AddrOfPinnedObject(), data.Length, null, null, pin);
    }

    public void Dispose()
    {
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _file!.Dispose();
        }

        if (_pin.IsAllocated)
        {
            _pin.Free();
        }
    }
}
