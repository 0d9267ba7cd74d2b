using System.Buffers;

namespace NlpTransfer.Text;

/// <summary>A growable list of (id, start, length) word pieces in pooled arrays; return them with <see cref="Dispose"/>.</summary>
internal sealed class PieceList : IDisposable
{
    private int[] _ids;
    private int[] _starts;
    private int[] _lengths;

    internal PieceList(int capacity)
    {
        capacity = Math.Max(capacity, 16);
        _ids = ArrayPool<int>.Shared.Rent(capacity);
        _starts = ArrayPool<int>.Shared.Rent(capacity);
        _lengths = ArrayPool<int>.Shared.Rent(capacity);
    }

    internal int Count { get; private set; }

    internal ReadOnlySpan<int> Ids => _ids.AsSpan(0, Count);

    internal ReadOnlySpan<int> Starts => _starts.AsSpan(0, Count);

    internal ReadOnlySpan<int> Lengths => _lengths.AsSpan(0, Count);

    internal void Add(int id, int start, int length)
    {
        if (Count == _ids.Length)
        {
            int size = _ids.Length * 2;
            _ids = Resize(_ids, size);
            _starts = Resize(_starts, size);
            _lengths = Resize(_lengths, size);
        }

        _ids[Count] = id;
        _starts[Count] = start;
        _lengths[Count] = length;
        Count++;
    }

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_ids);
        ArrayPool<int>.Shared.Return(_starts);
        ArrayPool<int>.Shared.Return(_lengths);
        _ids = _starts = _lengths = [];
        Count = 0;
    }

    private int[] Resize(int[] old, int size)
    {
        int[] bigger = ArrayPool<int>.Shared.Rent(size);
        old.AsSpan(0, Count).CopyTo(bigger);
        ArrayPool<int>.Shared.Return(old);
        return bigger;
    }
}
