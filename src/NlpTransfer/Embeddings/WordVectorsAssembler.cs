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

        var found = new List<(int Row, int FirstRow)>();
        var index = KeyIndex.Build(keys, found)!;
        int duplicateCount = found.Count;
        var duplicates = new List<WordVectorDuplicate>();
        foreach (var (row, first) in found)
        {
            if (duplicates.Count == WordVectorLoadReport.MaxListedDuplicates)
            {
                break;
            }

            duplicates.Add(new WordVectorDuplicate(keys[row], rowNumber(row), rowNumber(first)));
        }

        if (duplicateCount > 0)
        {
            // First wins: drop the later rows, keep file order, and index the distinct keys again.
            var dropped = new bool[keys.Length];
            foreach (var (row, _) in found)
            {
                dropped[row] = true;
            }

            int kept = 0;
            for (int i = 0; i < keys.Length; i++)
            {
                if (dropped[i])
                {
                    continue;
                }

                if (kept != i)
                {
                    keys[kept] = keys[i];
                    matrix.AsSpan(i * dimensions, dimensions).CopyTo(matrix.AsSpan(kept * dimensions, dimensions));
                }

                kept++;
            }

            Array.Resize(ref keys, kept);
            Array.Resize(ref matrix, kept * dimensions);
            index = KeyIndex.Build(keys, duplicates: null)!;
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
}
