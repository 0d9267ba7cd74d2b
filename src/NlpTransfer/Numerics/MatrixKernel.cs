namespace NlpTransfer.Numerics;

/// <summary>Which inner kernel a matrix product runs.</summary>
internal enum MatrixKernel
{
    /// <summary>One dot product per output value (TensorPrimitives.Dot); runs everywhere.</summary>
    Scalar,

    /// <summary>Blocked product with portable 256-bit vectors, separate multiply and add (no FMA unit needed).</summary>
    Vector256,

    /// <summary>Blocked product with AVX2 fused multiply-add.</summary>
    Fma,
}
