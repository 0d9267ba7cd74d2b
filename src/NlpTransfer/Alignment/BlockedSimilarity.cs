using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using NlpTransfer.Numerics;

namespace NlpTransfer.Alignment;

/// <summary>
/// Similarity search between two row sets A (n_a × d) and B (n_b × d) without the n_a × n_b matrix: A·Bᵀ is computed
/// one tile (at most 256 × 2048) at a time and folded into per-row and per-column top-k lists, so memory is linear in
/// n_a + n_b. A score is <c>scale · ⟨a_i, b_j⟩ − rowPenalty[i] − colPenalty[j]</c>, which covers cosine (unit rows,
/// scale 1) and CSLS (scale 2, penalties r_T and r_S). Work is split over the cores; results do not depend on the split.
/// </summary>
internal static class BlockedSimilarity
{
    private const int RowBlock = 256;
    private const int ColumnBlock = 2048;
    private const int FusedColumnBlock = 512;

    /// <summary>
    /// Scans every score once. Returns the top <paramref name="rowK"/> columns of every row (null when 0) and the top
    /// <paramref name="columnK"/> rows of every column (null when 0).
    /// </summary>
    public static (TopKState? Rows, TopKState? Columns) Scan(
        float[] a, int aRows, float[] b, int bRows, int dimensions, int rowK, int columnK,
        float scale = 1f, float[]? rowPenalty = null, float[]? columnPenalty = null)
    {
        rowK = Math.Min(rowK, bRows);
        columnK = Math.Min(columnK, aRows);
        long work = (long)aRows * bRows * dimensions;
        int parts = work < (1L << 22) ? 1 : Environment.ProcessorCount;
        bool splitRows = aRows >= parts * 64;
        int extent = splitRows ? aRows : bRows;
        parts = Math.Max(1, Math.Min(parts, extent));
        int chunk = (extent + parts - 1) / parts;
        var rowStates = new TopKState?[parts];
        var columnStates = new TopKState?[parts];

        Parallel.For(0, parts, part =>
        {
            int start = part * chunk;
            int end = Math.Min(extent, start + chunk);
            var rows = rowK > 0 ? new TopKState(aRows, rowK) : null;
            var columns = columnK > 0 ? new TopKState(bRows, columnK) : null;
            var tile = new float[RowBlock * ColumnBlock];
            (int r0, int r1, int c0, int c1) = splitRows ? (start, end, 0, bRows) : (0, aRows, start, end);
            for (int i0 = r0; i0 < r1; i0 += RowBlock)
            {
                int n = Math.Min(RowBlock, r1 - i0);
                for (int j0 = c0; j0 < c1; j0 += ColumnBlock)
                {
                    int m = Math.Min(ColumnBlock, c1 - j0);
                    ProcessTile(a, i0, n, b, j0, m, dimensions, tile, scale, rowPenalty, columnPenalty, rows, columns);
                }
            }

            rowStates[part] = rows;
            columnStates[part] = columns;
        });

        for (int p = 1; p < parts; p++)
        {
            rowStates[0]?.Merge(rowStates[p]!);
            columnStates[0]?.Merge(columnStates[p]!);
        }

        return (rowStates[0], columnStates[0]);
    }

    /// <summary>
    /// CSLS retrieval of every row of A among the rows of B in a single pass over the scores, when A is the whole
    /// source side: column blocks of B are processed against all rows of A at once, so each block's r_S is complete
    /// before its scores are ranked (r_T is constant along a row and is subtracted at the end). Returns null when the
    /// all-rows tile (aRows × one column block) would exceed the memory budget; the caller then makes two passes.
    /// </summary>
    /// <returns>The top <paramref name="topK"/> of 2cos − r_S per row (subtract <c>RowTerms</c> for CSLS), r_T per row, r_S per column.</returns>
    public static (TopKState Ranking, float[] RowTerms, float[] ColumnTerms)? CslsSinglePass(
        float[] a, int aRows, float[] b, int bRows, int dimensions, int neighbors, int topK)
    {
        // All rows × 512 columns per thread (3 MB for 1,500 rows) stays in L2/L3 across the two sweeps.
        const long TileBudget = 16L << 20; // floats per thread: 64 MB
        int block = (int)Math.Min(FusedColumnBlock, TileBudget / Math.Max(1, aRows)) / 8 * 8;
        if (block < 64)
        {
            return null;
        }

        int rowNeighbors = Math.Min(neighbors, bRows), columnNeighbors = Math.Min(neighbors, aRows);
        topK = Math.Min(topK, bRows);
        long work = (long)aRows * bRows * dimensions;
        int parts = work < (1L << 22) ? 1 : Math.Max(1, Math.Min(Environment.ProcessorCount, (bRows + block - 1) / block));
        int chunk = (bRows + parts - 1) / parts;
        var rankings = new TopKState[parts];
        var rowLists = new TopKState[parts];
        var columnTerms = new float[bRows];

        Parallel.For(0, parts, part =>
        {
            int start = part * chunk, end = Math.Min(bRows, start + chunk);
            var ranking = new TopKState(aRows, topK);
            var rows = new TopKState(aRows, rowNeighbors);
            var tile = new float[(long)aRows * block];
            var columnPenalty = new float[block];
            for (int j0 = start; j0 < end; j0 += block)
            {
                int m = Math.Min(block, end - j0);
                for (int i0 = 0; i0 < aRows; i0 += RowBlock)
                {
                    int n = Math.Min(RowBlock, aRows - i0);
                    MatrixProduct.MultiplyTransposed(
                        a.AsSpan(i0 * dimensions, n * dimensions), n, b.AsSpan(j0 * dimensions, m * dimensions), m, dimensions,
                        tile.AsSpan(i0 * m, n * m), MatrixProduct.KernelFor(n, m, dimensions), maxThreads: 1);
                }

                // r_T lists and this block's complete r_S lists from the cosines.
                var columns = new TopKState(m, columnNeighbors);
                for (int i = 0; i < aRows; i++)
                {
                    ReadOnlySpan<float> row = tile.AsSpan(i * m, m);
                    FoldRow(row, i, j0, rows);
                    FoldColumns(row, i, 0, columns);
                }

                for (int j = 0; j < m; j++)
                {
                    columnPenalty[j] = columns.Mean(j);
                    columnTerms[j0 + j] = columnPenalty[j];
                }

                // Rank by 2cos − r_S(y), computed on the fly.
                ReadOnlySpan<float> penalty = columnPenalty.AsSpan(0, m);
                for (int i = 0; i < aRows; i++)
                {
                    FoldRowCsls(tile.AsSpan(i * m, m), penalty, i, j0, ranking);
                }
            }

            rankings[part] = ranking;
            rowLists[part] = rows;
        });

        for (int p = 1; p < parts; p++)
        {
            rankings[0].Merge(rankings[p]);
            rowLists[0].Merge(rowLists[p]);
        }

        var rowTerms = new float[aRows];
        for (int i = 0; i < aRows; i++)
        {
            rowTerms[i] = rowLists[0].Mean(i);
        }

        return (rankings[0], rowTerms, columnTerms);
    }

    private static void ProcessTile(
        float[] a, int i0, int n, float[] b, int j0, int m, int dimensions, float[] tileBuffer,
        float scale, float[]? rowPenalty, float[]? columnPenalty, TopKState? rows, TopKState? columns)
    {
        Span<float> tile = tileBuffer.AsSpan(0, n * m);
        MatrixProduct.MultiplyTransposed(
            a.AsSpan(i0 * dimensions, n * dimensions), n, b.AsSpan(j0 * dimensions, m * dimensions), m, dimensions, tile,
            MatrixProduct.KernelFor(n, m, dimensions), maxThreads: 1);

        ReadOnlySpan<float> penalty = columnPenalty is null ? default : columnPenalty.AsSpan(j0, m);
        for (int r = 0; r < n; r++)
        {
            Span<float> row = tile.Slice(r * m, m);
            if (scale != 1f)
            {
                TensorPrimitives.Multiply(row, scale, row);
            }

            if (columnPenalty is not null)
            {
                TensorPrimitives.Subtract(row, penalty, row);
            }

            if (rowPenalty is not null)
            {
                TensorPrimitives.Subtract(row, rowPenalty[i0 + r], row);
            }

            if (rows is not null)
            {
                FoldRow(row, i0 + r, j0, rows);
            }

            if (columns is not null)
            {
                FoldColumns(row, i0 + r, j0, columns);
            }
        }
    }

    // Candidates for one row's list: only scores above the row's current threshold, found eight at a time.
    private static void FoldRow(ReadOnlySpan<float> scores, int row, int columnOffset, TopKState state)
    {
        float threshold = state.Thresholds[row];
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j + 8 <= scores.Length; j += 8)
            {
                uint mask = Vector256.GreaterThan(Vector256.Create(scores.Slice(j, 8)), Vector256.Create(threshold)).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    int bit = BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    float value = scores[j + bit];
                    if (value > threshold)
                    {
                        state.Insert(row, value, columnOffset + j + bit);
                        threshold = state.Thresholds[row];
                    }
                }
            }
        }

        for (; j < scores.Length; j++)
        {
            if (scores[j] > threshold)
            {
                state.Insert(row, scores[j], columnOffset + j);
                threshold = state.Thresholds[row];
            }
        }
    }

    // Like FoldRow for the scores 2·cos − penalty[j], without writing them back (same float operations as the
    // vector path, so the scalar re-computation on insertion gives the identical value).
    private static void FoldRowCsls(ReadOnlySpan<float> cosines, ReadOnlySpan<float> penalty, int row, int columnOffset, TopKState state)
    {
        float threshold = state.Thresholds[row];
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var two = Vector256.Create(2f);
            for (; j + 8 <= cosines.Length; j += 8)
            {
                Vector256<float> scores = Vector256.Subtract(Vector256.Multiply(two, Vector256.Create(cosines.Slice(j, 8))), Vector256.Create(penalty.Slice(j, 8)));
                uint mask = Vector256.GreaterThan(scores, Vector256.Create(threshold)).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    int bit = BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    float value = scores.GetElement(bit);
                    if (value > threshold)
                    {
                        state.Insert(row, value, columnOffset + j + bit);
                        threshold = state.Thresholds[row];
                    }
                }
            }
        }

        for (; j < cosines.Length; j++)
        {
            float value = 2f * cosines[j] - penalty[j];
            if (value > threshold)
            {
                state.Insert(row, value, columnOffset + j);
                threshold = state.Thresholds[row];
            }
        }
    }

    // One row's scores offered to every column's list: compared with the column thresholds eight at a time.
    private static void FoldColumns(ReadOnlySpan<float> scores, int row, int columnOffset, TopKState state)
    {
        ReadOnlySpan<float> thresholds = state.Thresholds.AsSpan(columnOffset, scores.Length);
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j + 8 <= scores.Length; j += 8)
            {
                uint mask = Vector256.GreaterThan(Vector256.Create(scores.Slice(j, 8)), Vector256.Create(thresholds.Slice(j, 8))).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    int bit = BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    state.Insert(columnOffset + j + bit, scores[j + bit], row);
                }
            }
        }

        for (; j < scores.Length; j++)
        {
            if (scores[j] > thresholds[j])
            {
                state.Insert(columnOffset + j, scores[j], row);
            }
        }
    }
}
