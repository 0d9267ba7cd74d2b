using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NlpTransfer.Numerics;

// The blocked product. Loop order and packing follow Goto & van de Geijn, "Anatomy of High-Performance Matrix
// Multiplication" (ACM TOMS 34(3), 2008): a KC × NC panel of Bᵀ is packed once and reused by every MC-row block of A;
// each MR × NR tile of C is accumulated in registers over KC steps. Both operands are K-contiguous (C = A·Bᵀ), so
// packing also transposes them into the broadcast/load order the micro-kernel wants.
internal static partial class MatrixProduct
{
    private const int MR = 6;     // rows of A per micro-tile: 6 × 2 accumulators + 2 B loads + 1 broadcast = 15 ymm
    private const int NR = 16;    // columns of C per micro-tile: two 8-float vectors
    private const int KC = 320;   // depth per panel: an MR × KC sliver of A (7.5 KB) and KC × NR of B (20 KB) fit L1; 300-d vectors take one panel
    private const int MC = 96;    // rows of A per packed block: 96 KB, held in L2
    private const int NC = 2048;  // columns of C per packed B panel: 2 MB, held in L2/L3

    private static unsafe void MultiplyBlocked(
        ReadOnlySpan<float> a, int m, ReadOnlySpan<float> b, int n, int k, Span<float> c, MatrixKernel kernel, int threads)
    {
        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            // Split the larger side of C into one contiguous part per thread; parts share nothing but A or B (read-only).
            bool splitColumns = n >= m;
            int unit = splitColumns ? NR : MR;
            int extent = splitColumns ? n : m;
            int parts = Math.Clamp(Math.Min(threads, (extent + unit - 1) / unit), 1, 64);
            if (parts == 1)
            {
                Multiply(pa, m, pb, n, k, pc, n, kernel);
                return;
            }

            int chunk = RoundUp((extent + parts - 1) / parts, unit);
            parts = (extent + chunk - 1) / chunk;
            nint ia = (nint)pa, ib = (nint)pb, ic = (nint)pc;
            Parallel.For(0, parts, part =>
            {
                int start = part * chunk;
                int size = Math.Min(chunk, extent - start);
                if (splitColumns)
                {
                    Multiply((float*)ia, m, (float*)ib + (long)start * k, size, k, (float*)ic + start, n, kernel);
                }
                else
                {
                    Multiply((float*)ia + (long)start * k, size, (float*)ib, n, k, (float*)ic + (long)start * n, n, kernel);
                }
            });
        }
    }

    // One thread: C[m × n] (row stride ldc) = A[m × k] · B[n × k]ᵀ, both with row stride k.
    private static unsafe void Multiply(float* a, int m, float* b, int n, int k, float* c, int ldc, MatrixKernel kernel)
    {
        int kcMax = Math.Min(KC, k);
        int ncMax = Math.Min(NC, RoundUp(n, NR));
        int mcMax = Math.Min(MC, RoundUp(m, MR));
        float* packB = (float*)NativeMemory.AlignedAlloc((nuint)((long)kcMax * ncMax * sizeof(float)), 64);
        float* packA = (float*)NativeMemory.AlignedAlloc((nuint)((long)kcMax * mcMax * sizeof(float)), 64);
        try
        {
            for (int jc = 0; jc < n; jc += NC)
            {
                int nc = Math.Min(NC, n - jc);
                for (int pc = 0; pc < k; pc += KC)
                {
                    int kc = Math.Min(KC, k - pc);
                    bool accumulate = pc > 0;
                    PackB(b + (long)jc * k + pc, k, nc, kc, packB);
                    for (int ic = 0; ic < m; ic += MC)
                    {
                        int mc = Math.Min(MC, m - ic);
                        PackA(a + (long)ic * k + pc, k, mc, kc, packA);
                        for (int jr = 0; jr < nc; jr += NR)
                        {
                            int cols = Math.Min(NR, nc - jr);
                            float* panelB = packB + (long)jr * kc;
                            for (int ir = 0; ir < mc; ir += MR)
                            {
                                int rows = Math.Min(MR, mc - ir);
                                float* tile = c + (long)(ic + ir) * ldc + jc + jr;
                                if (kernel == MatrixKernel.Fma)
                                {
                                    KernelFma(packA + (long)ir * kc, panelB, kc, tile, ldc, rows, cols, accumulate);
                                }
                                else
                                {
                                    KernelVector(packA + (long)ir * kc, panelB, kc, tile, ldc, rows, cols, accumulate);
                                }
                            }
                        }
                    }
                }
            }
        }
        finally
        {
            NativeMemory.AlignedFree(packA);
            NativeMemory.AlignedFree(packB);
        }
    }

    // Packs rows [0, mc) × depth [0, kc) of A into MR-row slivers, each laid out depth-major (MR values per step);
    // rows past mc are zero so the kernel never branches.
    private static unsafe void PackA(float* a, int lda, int mc, int kc, float* destination)
    {
        for (int r0 = 0; r0 < mc; r0 += MR)
        {
            float* sliver = destination + (long)r0 * kc;
            for (int r = 0; r < MR; r++)
            {
                if (r0 + r < mc)
                {
                    float* source = a + (long)(r0 + r) * lda;
                    for (int p = 0; p < kc; p++)
                    {
                        sliver[p * MR + r] = source[p];
                    }
                }
                else
                {
                    for (int p = 0; p < kc; p++)
                    {
                        sliver[p * MR + r] = 0f;
                    }
                }
            }
        }
    }

    // Packs rows [0, nc) × depth [0, kc) of B into NR-column slivers, depth-major (NR values per step, 64-byte aligned).
    private static unsafe void PackB(float* b, int ldb, int nc, int kc, float* destination)
    {
        for (int j0 = 0; j0 < nc; j0 += NR)
        {
            float* sliver = destination + (long)j0 * kc;
            int cols = Math.Min(NR, nc - j0);
            if (cols == NR && Avx.IsSupported)
            {
                PackBFull(b + (long)j0 * ldb, ldb, kc, sliver);
                continue;
            }

            for (int j = 0; j < NR; j++)
            {
                if (j < cols)
                {
                    float* source = b + (long)(j0 + j) * ldb;
                    for (int p = 0; p < kc; p++)
                    {
                        sliver[p * NR + j] = source[p];
                    }
                }
                else
                {
                    for (int p = 0; p < kc; p++)
                    {
                        sliver[p * NR + j] = 0f;
                    }
                }
            }
        }
    }

    // A full 16-row sliver of B: 8 × 8 register transposes instead of 16 strided scalar streams.
    private static unsafe void PackBFull(float* b, int ldb, int kc, float* sliver)
    {
        int p = 0;
        for (; p + 8 <= kc; p += 8)
        {
            for (int half = 0; half < 2; half++)
            {
                float* s = b + (long)half * 8 * ldb + p;
                Transpose8(
                    Avx.LoadVector256(s), Avx.LoadVector256(s + ldb), Avx.LoadVector256(s + 2 * ldb), Avx.LoadVector256(s + 3 * ldb),
                    Avx.LoadVector256(s + 4 * ldb), Avx.LoadVector256(s + 5 * ldb), Avx.LoadVector256(s + 6 * ldb), Avx.LoadVector256(s + 7 * ldb),
                    sliver + (long)p * NR + half * 8);
            }
        }

        for (; p < kc; p++)
        {
            for (int j = 0; j < NR; j++)
            {
                sliver[p * NR + j] = b[(long)j * ldb + p];
            }
        }
    }

    // Writes the transpose of the 8 × 8 block r0..r7 as 8 rows of 8 floats, NR floats apart.
    private static unsafe void Transpose8(
        Vector256<float> r0, Vector256<float> r1, Vector256<float> r2, Vector256<float> r3,
        Vector256<float> r4, Vector256<float> r5, Vector256<float> r6, Vector256<float> r7, float* destination)
    {
        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1);
        Vector256<float> t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5);
        Vector256<float> t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE);
        Vector256<float> u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE);
        Vector256<float> u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Store(destination + 0 * NR, Avx.Permute2x128(u0, u4, 0x20));
        Avx.Store(destination + 1 * NR, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(destination + 2 * NR, Avx.Permute2x128(u2, u6, 0x20));
        Avx.Store(destination + 3 * NR, Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(destination + 4 * NR, Avx.Permute2x128(u0, u4, 0x31));
        Avx.Store(destination + 5 * NR, Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(destination + 6 * NR, Avx.Permute2x128(u2, u6, 0x31));
        Avx.Store(destination + 7 * NR, Avx.Permute2x128(u3, u7, 0x31));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void KernelFma(float* pa, float* pb, int kc, float* c, int ldc, int rows, int cols, bool accumulate)
    {
        Vector256<float> c00 = Vector256<float>.Zero, c01 = Vector256<float>.Zero;
        Vector256<float> c10 = Vector256<float>.Zero, c11 = Vector256<float>.Zero;
        Vector256<float> c20 = Vector256<float>.Zero, c21 = Vector256<float>.Zero;
        Vector256<float> c30 = Vector256<float>.Zero, c31 = Vector256<float>.Zero;
        Vector256<float> c40 = Vector256<float>.Zero, c41 = Vector256<float>.Zero;
        Vector256<float> c50 = Vector256<float>.Zero, c51 = Vector256<float>.Zero;
        for (int p = 0; p < kc; p++)
        {
            Vector256<float> b0 = Avx.LoadAlignedVector256(pb);
            Vector256<float> b1 = Avx.LoadAlignedVector256(pb + 8);
            Vector256<float> a;
            a = Avx.BroadcastScalarToVector256(pa + 0);
            c00 = Fma.MultiplyAdd(a, b0, c00);
            c01 = Fma.MultiplyAdd(a, b1, c01);
            a = Avx.BroadcastScalarToVector256(pa + 1);
            c10 = Fma.MultiplyAdd(a, b0, c10);
            c11 = Fma.MultiplyAdd(a, b1, c11);
            a = Avx.BroadcastScalarToVector256(pa + 2);
            c20 = Fma.MultiplyAdd(a, b0, c20);
            c21 = Fma.MultiplyAdd(a, b1, c21);
            a = Avx.BroadcastScalarToVector256(pa + 3);
            c30 = Fma.MultiplyAdd(a, b0, c30);
            c31 = Fma.MultiplyAdd(a, b1, c31);
            a = Avx.BroadcastScalarToVector256(pa + 4);
            c40 = Fma.MultiplyAdd(a, b0, c40);
            c41 = Fma.MultiplyAdd(a, b1, c41);
            a = Avx.BroadcastScalarToVector256(pa + 5);
            c50 = Fma.MultiplyAdd(a, b0, c50);
            c51 = Fma.MultiplyAdd(a, b1, c51);
            pa += 6;
            pb += NR;
        }

        if (rows == MR && cols == NR)
        {
            StoreRow(c + 0 * ldc, c00, c01, accumulate);
            StoreRow(c + 1 * ldc, c10, c11, accumulate);
            StoreRow(c + 2 * ldc, c20, c21, accumulate);
            StoreRow(c + 3 * ldc, c30, c31, accumulate);
            StoreRow(c + 4 * ldc, c40, c41, accumulate);
            StoreRow(c + 5 * ldc, c50, c51, accumulate);
            return;
        }

        float* tile = stackalloc float[MR * NR];
        StoreRow(tile + 0 * NR, c00, c01, accumulate: false);
        StoreRow(tile + 1 * NR, c10, c11, accumulate: false);
        StoreRow(tile + 2 * NR, c20, c21, accumulate: false);
        StoreRow(tile + 3 * NR, c30, c31, accumulate: false);
        StoreRow(tile + 4 * NR, c40, c41, accumulate: false);
        StoreRow(tile + 5 * NR, c50, c51, accumulate: false);
        CopyPartial(tile, c, ldc, rows, cols, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void KernelVector(float* pa, float* pb, int kc, float* c, int ldc, int rows, int cols, bool accumulate)
    {
        Vector256<float> c00 = Vector256<float>.Zero, c01 = Vector256<float>.Zero;
        Vector256<float> c10 = Vector256<float>.Zero, c11 = Vector256<float>.Zero;
        Vector256<float> c20 = Vector256<float>.Zero, c21 = Vector256<float>.Zero;
        Vector256<float> c30 = Vector256<float>.Zero, c31 = Vector256<float>.Zero;
        Vector256<float> c40 = Vector256<float>.Zero, c41 = Vector256<float>.Zero;
        Vector256<float> c50 = Vector256<float>.Zero, c51 = Vector256<float>.Zero;
        for (int p = 0; p < kc; p++)
        {
            Vector256<float> b0 = Vector256.LoadAligned(pb);
            Vector256<float> b1 = Vector256.LoadAligned(pb + 8);
            Vector256<float> a;
            a = Vector256.Create(pa[0]);
            c00 += a * b0;
            c01 += a * b1;
            a = Vector256.Create(pa[1]);
            c10 += a * b0;
            c11 += a * b1;
            a = Vector256.Create(pa[2]);
            c20 += a * b0;
            c21 += a * b1;
            a = Vector256.Create(pa[3]);
            c30 += a * b0;
            c31 += a * b1;
            a = Vector256.Create(pa[4]);
            c40 += a * b0;
            c41 += a * b1;
            a = Vector256.Create(pa[5]);
            c50 += a * b0;
            c51 += a * b1;
            pa += 6;
            pb += NR;
        }

        if (rows == MR && cols == NR)
        {
            StoreRow(c + 0 * ldc, c00, c01, accumulate);
            StoreRow(c + 1 * ldc, c10, c11, accumulate);
            StoreRow(c + 2 * ldc, c20, c21, accumulate);
            StoreRow(c + 3 * ldc, c30, c31, accumulate);
            StoreRow(c + 4 * ldc, c40, c41, accumulate);
            StoreRow(c + 5 * ldc, c50, c51, accumulate);
            return;
        }

        float* tile = stackalloc float[MR * NR];
        StoreRow(tile + 0 * NR, c00, c01, accumulate: false);
        StoreRow(tile + 1 * NR, c10, c11, accumulate: false);
        StoreRow(tile + 2 * NR, c20, c21, accumulate: false);
        StoreRow(tile + 3 * NR, c30, c31, accumulate: false);
        StoreRow(tile + 4 * NR, c40, c41, accumulate: false);
        StoreRow(tile + 5 * NR, c50, c51, accumulate: false);
        CopyPartial(tile, c, ldc, rows, cols, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void StoreRow(float* destination, Vector256<float> low, Vector256<float> high, bool accumulate)
    {
        if (accumulate)
        {
            low += Vector256.Load(destination);
            high += Vector256.Load(destination + 8);
        }

        Vector256.Store(low, destination);
        Vector256.Store(high, destination + 8);
    }

    private static unsafe void CopyPartial(float* tile, float* c, int ldc, int rows, int cols, bool accumulate)
    {
        for (int r = 0; r < rows; r++)
        {
            float* source = tile + r * NR;
            float* destination = c + (long)r * ldc;
            for (int j = 0; j < cols; j++)
            {
                destination[j] = accumulate ? destination[j] + source[j] : source[j];
            }
        }
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
