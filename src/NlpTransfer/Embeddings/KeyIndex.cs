using System.Runtime.CompilerServices;

namespace NlpTransfer.Embeddings;

/// <summary>
/// key → row for a <c>string[]</c> of keys: an open-addressing table of row numbers with linear probing, looked up
/// with a <see cref="ReadOnlySpan{T}"/> of chars. Holds no references besides the keys array, so building it for
/// hundreds of thousands of keys costs a few milliseconds and no garbage-collector card marking.
/// Immutable after <see cref="Build"/>; lookups are thread-safe.
/// </summary>
/// <remarks>
/// Hashes are <see cref="string.GetHashCode(ReadOnlySpan{char})"/> (randomised per process, so a crafted file
/// cannot force collisions). The table has at least twice as many slots as keys.
/// </remarks>
internal sealed class KeyIndex
{
    private readonly string[] _keys;
    private readonly int[] _slots;
    private readonly int _mask;

    private KeyIndex(string[] keys, int[] slots)
    {
        _keys = keys;
        _slots = slots;
        _mask = slots.Length - 1;
    }

    /// <summary>
    /// Indexes <paramref name="keys"/>. A key equal to an earlier one is left out (the first row wins); each such
    /// pair (later row, first row) is added to <paramref name="duplicates"/>, or, when that is null, the build stops
    /// at the first and returns null.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static KeyIndex? Build(string[] keys, List<(int Row, int FirstRow)>? duplicates)
    {
        int size = 16;
        while (size < keys.Length * 2L)
        {
            size <<= 1;
        }

        var slots = new int[size];
        int mask = size - 1;
        for (int row = 0; row < keys.Length; row++)
        {
            string key = keys[row];
            int slot = key.GetHashCode() & mask;
            while (true)
            {
                int occupant = slots[slot];
                if (occupant == 0)
                {
                    slots[slot] = row + 1;
                    break;
                }

                if (string.Equals(keys[occupant - 1], key, StringComparison.Ordinal))
                {
                    if (duplicates is null)
                    {
                        return null;
                    }

                    duplicates.Add((row, occupant - 1));
                    break;
                }

                slot = (slot + 1) & mask;
            }
        }

        return new KeyIndex(keys, slots);
    }

    /// <summary>The row of <paramref name="key"/> (ordinal match), or -1.</summary>
    public int IndexOf(ReadOnlySpan<char> key)
    {
        int slot = string.GetHashCode(key) & _mask;
        while (true)
        {
            int occupant = _slots[slot];
            if (occupant == 0)
            {
                return -1;
            }

            if (key.SequenceEqual(_keys[occupant - 1]))
            {
                return occupant - 1;
            }

            slot = (slot + 1) & _mask;
        }
    }
}
