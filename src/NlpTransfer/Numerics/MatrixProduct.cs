using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NlpTransfer.Numerics;

/// <summary>
/// Dense single-precision matrix products over row-major spans, the workhorse of batched similarity search,
/// CSLS retrieval and head training.
/// </summary>
/// <remarks>
/// Large products run a cache-blocked kernel (Goto/BLIS layout: B packed into NR-column micro-panels that stay in
/// L3/L2, A packed into MR-row micro-panels that stay in L1/L2, a 6 × 16 register-tile micro-kernel) using AVX2 + FMA
/// when the processor has them, plain 256-bit vectors otherwise, and a scalar dot-product loop where neither is
/// available or the product is tiny. The work is split over the processor's cores. Results agree with the plain
/// sum Σₚ A[i,p]·B[j,p] within float rounding (the summation order differs: FMA chains per column block).
/// </remarks>
internal static partial class MatrixProduct
{
    // Below this many multiply-adds a call runs the scalar loop: packing would cost more than it saves.
    private const long SmallProduct = 16 * 1024;

    // Below this many multiply-adds a call stays on the calling thread.
    private const long ParallelThreshold = 1L << 21;

    /// <summary>
    /// C = A · Bᵀ, where A is <paramref name="aRows"/> × <paramref name="depth"/>, B is <paramref name="bRows"/> ×
    /// <paramref name="depth"/> (both row-major) and C is aRows × bRows (row-major, overwritten).
    /// </summary>
    /// <remarks>Thread-safe; uses all cores for large products. C must not overlap A or B.</remarks>
    public static void MultiplyTransposed(
        ReadOnlySpan<float> a, int aRows, ReadOnlySpan<float> b, int bRows, int depth, Span<float> c) =>
        MultiplyTransposed(a, aRows, b, bRows, depth, c, KernelFor(aRows, bRows, depth));

    /// <summary>The kernel the default overload picks for an aRows × bRows × depth product.</summary>
    internal static MatrixKernel KernelFor(int aRows, int bRows, int depth) =>
        (long)aRows * bRows * depth < SmallProduct ? MatrixKernel.Scalar : Preferred;

    /// <summary>The kernel <see cref="MultiplyTransposed(ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, int, Span{float})"/> uses on this processor.</summary>
    internal static MatrixKernel Preferred { get; } =
        Fma.IsSupported && Avx.IsSupported ? MatrixKernel.Fma
        : Vector256.IsHardwareAccelerated ? MatrixKernel.Vector256
        : MatrixKernel.Scalar;

    /// <summary>
    /// C = A · Bᵀ with a chosen kernel, whatever the size (tests run every kernel the processor supports), on at most
    /// <paramref name="maxThreads"/> threads (callers that already run in parallel pass 1).
    /// </summary>
    internal static void MultiplyTransposed(
        ReadOnlySpan<float> a, int aRows, ReadOnlySpan<float> b, int bRows, int depth, Span<float> c, MatrixKernel kernel,
        int maxThreads = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(aRows);
        ArgumentOutOfRangeException.ThrowIfNegative(bRows);
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        CheckShapes(a.Length, aRows, b.Length, bRows, depth, c.Length);
        if (kernel == MatrixKernel.Fma && !(Fma.IsSupported && Avx.IsSupported))
        {
            throw new PlatformNotSupportedException("The FMA kernel needs AVX2 and FMA.");
        }

        if (aRows == 0 || bRows == 0)
        {
            return;
        }

        if (depth == 0)
        {
            c.Clear();
            return;
        }

        long work = (long)aRows * bRows * depth;
        if (kernel == MatrixKernel.Scalar)
        {
            MultiplyScalar(a, aRows, b, bRows, depth, c);
            return;
        }

        MultiplyBlocked(a, aRows, b, bRows, depth, c, kernel, work >= ParallelThreshold ? Math.Min(maxThreads, Environment.ProcessorCount) : 1);
    }

    /// <summary>The plain loop: one dot product per output value.</summary>
    private static void MultiplyScalar(ReadOnlySpan<float> a, int aRows, ReadOnlySpan<float> b, int bRows, int depth, Span<float> c)
    {
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
