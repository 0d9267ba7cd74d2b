using System.Diagnostics;
using System.Numerics.Tensors;

namespace NlpTransfer.Embeddings;

/// <summary>
/// The last step every loader shares: lower-case keys when asked, drop duplicate keys (first wins, reported),
/// normalise rows when asked, and build the <see cref="WordVectors"/> with its load report.
/// </summary>
internal static class WordVectorsAssembler
{
    // rowNumber: the 1-based file row (or line) of a parsed row, for the duplicate report.
    public static WordVectors Assemble(
        string[] keys, float[] matrix, int dimensions, WordVectorLoadOptions options, WordVectorsSource source,
        Func<int, long> rowNumber, long? declared, bool truncated, Stopwatch clock, FastTextSubwords? subwords = null)
    {
        int rowsRead = keys.Length;
        if (options.LowercaseKeys)
        {
            Parallel.For(0, keys.Length, i => keys[i] = keys[i].ToLowerInvariant());
        }

        var index = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
        var duplicates = new List<WordVectorDuplicate>();
        int duplicateCount = 0;
        int kept = 0;

        // Original row of each kept row; only needed (and only allocated) once a duplicate has shifted rows.
        int[]? keptRows = null;
        for (int i = 0; i < keys.Length; i++)
        {
            string key = keys[i];
            if (!index.TryAdd(key, kept))
            {
                duplicateCount++;
                if (duplicates.Count < WordVectorLoadReport.MaxListedDuplicates)
                {
                    int first = index[key];
                    duplicates.Add(new WordVectorDuplicate(key, rowNumber(i), rowNumber(keptRows is null ? first : keptRows[first])));
                }

                keptRows ??= CreateIdentity(kept, keys.Length);
                continue;
            }

            if (kept != i)
            {
                keys[kept] = key;
                keptRows![kept] = i;
                matrix.AsSpan(i * dimensions, dimensions).CopyTo(matrix.AsSpan(kept * dimensions, dimensions));
            }

            kept++;
        }

        if (kept != keys.Length)
        {
            Array.Resize(ref keys, kept);
            Array.Resize(ref matrix, kept * dimensions);
        }

        if (options.Normalize)
        {
            NormalizeRows(matrix, dimensions);
        }

        var report = new WordVectorLoadReport
        {
            RowsRead = rowsRead,
            DeclaredCount = declared,
            DuplicateCount = duplicateCount,
            Duplicates = duplicates,
            Truncated = truncated,
            Elapsed = clock.Elapsed,
        };
        return new WordVectors(keys, index, new ManagedVectorStorage(matrix), dimensions, subwords, source, report);
    }

    /// <summary>Scales every row to unit L2 norm; zero rows stay zero.</summary>
    public static void NormalizeRows(Span<float> matrix, int dimensions)
    {
        for (int start = 0; start < matrix.Length; start += dimensions)
        {
            var row = matrix.Slice(start, dimensions);
            float norm = TensorPrimitives.Norm(row);
            if (norm > 0)
            {
                TensorPrimitives.Divide(row, norm, row);
            }
        }
    }

    private static int[] CreateIdentity(int count, int capacity)
    {
        var rows = new int[capacity];
        for (int i = 0; i < count; i++)
        {
            rows[i] = i;
        }

        return rows;
    }
}
