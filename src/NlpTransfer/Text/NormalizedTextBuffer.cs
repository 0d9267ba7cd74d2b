using System.Buffers;

namespace NlpTransfer.Text;

/// <summary>
/// Normalized characters with, for each, the span of the original text it came from (pooled arrays; return them
/// with <see cref="Dispose"/>). Several normalized characters can share one original character (a Hangul
/// syllable gives two or three jamo, U+0130 gives i and a dot), and characters the normalizer drops (controls,
/// stripped accents) widen the span of the character before them in the same word.
/// </summary>
internal sealed class NormalizedTextBuffer : IDisposable
{
    private char[] _chars;
    private int[] _starts;
    private int[] _ends;

    internal NormalizedTextBuffer(int capacity)
    {
        capacity = Math.Max(capacity, 16);
        _chars = ArrayPool<char>.Shared.Rent(capacity);
        _starts = ArrayPool<int>.Shared.Rent(capacity);
        _ends = ArrayPool<int>.Shared.Rent(capacity);
    }

    /// <summary>Number of normalized characters.</summary>
    internal int Length { get; private set; }

    /// <summary>The normalized characters; valid until the next change.</summary>
    internal ReadOnlySpan<char> Chars => _chars.AsSpan(0, Length);

    /// <summary>Original start of normalized character <paramref name="index"/>.</summary>
    internal int StartOf(int index) => _starts[index];

    /// <summary>Original end (exclusive) of normalized character <paramref name="index"/>.</summary>
    internal int EndOf(int index) => _ends[index];

    internal void Clear() => Length = 0;

    internal void Append(char c, int originalStart, int originalEnd)
    {
        if (Length == _chars.Length)
        {
            Grow();
        }

        _chars[Length] = c;
        _starts[Length] = originalStart;
        _ends[Length] = originalEnd;
        Length++;
    }

    /// <summary>Appends one space as a word break, unless the text is empty or already ends with one.</summary>
    internal void AppendSpace(int originalPosition)
    {
        if (Length != 0 && _chars[Length - 1] != ' ')
        {
            Append(' ', originalPosition, originalPosition);
        }
    }

    /// <summary>Widens the last character over a dropped one, when both are in the same word.</summary>
    internal void ExtendLast(int originalEnd)
    {
        if (Length != 0 && _chars[Length - 1] != ' ')
        {
            _ends[Length - 1] = originalEnd;
        }
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_chars);
        ArrayPool<int>.Shared.Return(_starts);
        ArrayPool<int>.Shared.Return(_ends);
        _chars = [];
        _starts = [];
        _ends = [];
    }

    private void Grow()
    {
        int size = Math.Max(16, _chars.Length * 2);
        _chars = Resize(_chars, size);
        _starts = Resize(_starts, size);
        _ends = Resize(_ends, size);
    }

    private T[] Resize<T>(T[] old, int size)
    {
        T[] bigger = ArrayPool<T>.Shared.Rent(size);
        old.AsSpan(0, Length).CopyTo(bigger);
        if (old.Length != 0)
        {
            ArrayPool<T>.Shared.Return(old);
        }

        return bigger;
    }
}
