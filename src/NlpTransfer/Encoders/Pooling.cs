using System.Numerics.Tensors;

namespace NlpTransfer.Encoders;

/// <summary>Pooling of one sequence's token states (row-major, tokens × dimensions, real tokens only) into one vector.</summary>
internal static class Pooling
{
    public static void Pool(ReadOnlySpan<float> states, int tokens, int dimensions, PoolingMode mode, Span<float> destination)
    {
        var first = states[..dimensions];
        first.CopyTo(destination);
        if (mode == PoolingMode.Cls)
        {
            return;
        }

        for (var t = 1; t < tokens; t++)
        {
            var row = states.Slice(t * dimensions, dimensions);
            if (mode == PoolingMode.Mean)
            {
                TensorPrimitives.Add(destination, row, destination);
            }
            else
            {
                TensorPrimitives.Max(destination, row, destination);
            }
        }

        if (mode == PoolingMode.Mean)
        {
            TensorPrimitives.Divide(destination, tokens, destination);
        }
    }

    /// <summary>Scales <paramref name="vector"/> to unit L2 norm; a zero vector stays zero.</summary>
    public static void NormalizeInPlace(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0f)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }
}
