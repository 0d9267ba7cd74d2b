using System.Numerics.Tensors;

namespace NlpTransfer.Numerics;

/// <summary>
/// Dense single-precision matrix products over row-major spans, the workhorse of batched similarity search,
/// CSLS retrieval and head training.
/// </summary>
internal static class MatrixProduct
{
    /// <summary>
    /// C = A · Bᵀ, where A is <paramref name="aRows"/> × <paramref name="depth"/>, B is <paramref name="bRows"/> ×
    /// <paramref name="depth"/> (both row-major) and C is aRows × bRows (row-major, overwritten).
    /// </summary>
    public static void MultiplyTransposed(
        ReadOnlySpan<float> a, int aRows, ReadOnlySpan<float> b, int bRows, int depth, Span<float> c)
    {
        CheckShapes(a.Length, aRows, b.Length, bRows, depth, c.Length);
        for (int i = 0; i < aRows; i++)
        {
            ReadOnlySpan<float> row = a.Slice(i * depth, depth);
            Span<float> destination = c.Slice(i * bRows, bRows);
            for (int j = 0; j < bRows; j++)
            {
                destination[j] = TensorPrimitives.Dot(row, b.Slice(j * depth, depth));
            }
        }
    }

    private static void CheckShapes(int aLength, int aRows, int bLength, int bRows, int depth, int cLength)
    {
        if ((long)aRows * depth != aLength || (long)bRows * depth != bLength || (long)aRows * bRows != cLength)
        {
            throw new ArgumentException(
                $"Shapes disagree: A has {aLength} values for {aRows}×{depth}, B {bLength} for {bRows}×{depth}, C {cLength} for {aRows}×{bRows}.");
        }
    }
}
