using System.IO.MemoryMappedFiles;

namespace NlpTransfer.Embeddings;

/// <summary>Owns the contiguous float matrix behind a <see cref="WordVectors"/>.</summary>
internal abstract class VectorStorage : IDisposable
{
    public abstract ReadOnlySpan<float> Matrix { get; }

    public virtual void Dispose()
    {
    }
}

/// <summary>A matrix in a managed array.</summary>
internal sealed class ManagedVectorStorage(float[] matrix) : VectorStorage
{
    public override ReadOnlySpan<float> Matrix => matrix;

    /// <summary>The array itself, for code that must write (normalisation at load time).</summary>
    public float[] Array => matrix;
}

/// <summary>A matrix in a read-only memory-mapped file view; the OS pages it in on first touch.</summary>
internal sealed unsafe class MappedVectorStorage : VectorStorage
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _base;
    private readonly long _offset;
    private readonly int _length;

    /// <param name="file">The mapping; owned from here on.</param>
    /// <param name="offset">Byte offset of the first float; a multiple of 4.</param>
    /// <param name="length">Number of floats.</param>
    public MappedVectorStorage(MemoryMappedFile file, long offset, int length)
    {
        _file = file;
        _view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _base = pointer + _view.PointerOffset;
        _offset = offset;
        _length = length;
    }

    public override ReadOnlySpan<float> Matrix => new(_base + _offset, _length);

    public override void Dispose()
    {
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }
}
