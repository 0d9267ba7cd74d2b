using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using NlpTransfer.Numerics;

namespace NlpTransfer.Heads;

/// <summary>
/// The layers of a classification head over one flat parameter vector: linear (W [C×D], b [C]) or with one ReLU
/// hidden layer (W1 [H×D], b1 [H], W2 [C×H], b2 [C]), row-major. Stateless: parameters and buffers are passed in.
/// </summary>
internal sealed class HeadNetwork
{
    public HeadNetwork(int inputs, int hidden, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegative(hidden);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        Inputs = inputs;
        Hidden = hidden;
        Classes = classes;
        int last = hidden > 0 ? hidden : inputs;
        ParameterCount = (hidden > 0 ? hidden * inputs + hidden : 0) + classes * last + classes;
    }

    public int Inputs { get; }

    public int Hidden { get; }

    public int Classes { get; }

    public int ParameterCount { get; }

    /// <summary>Width of the layer that feeds the output layer.</summary>
    private int LastWidth => Hidden > 0 ? Hidden : Inputs;

    private int OutputOffset => Hidden > 0 ? Hidden * Inputs + Hidden : 0;

    /// <summary>Linear heads start at zero (the loss is convex); hidden layers use Glorot-uniform weights from the seed.</summary>
    public void Initialize(Span<float> parameters, int seed)
    {
        parameters.Clear();
        if (Hidden == 0)
        {
            return;
        }

        var random = new Random(seed);
        Fill(parameters[..(Hidden * Inputs)], MathF.Sqrt(6f / (Inputs + Hidden)), random);
        Fill(parameters.Slice(OutputOffset, Classes * Hidden), MathF.Sqrt(6f / (Hidden + Classes)), random);
    }

    public void FillDecayMask(Span<float> mask)
    {
        mask.Clear();
        if (Hidden > 0)
        {
            mask[..(Hidden * Inputs)].Fill(1f);
        }

        mask.Slice(OutputOffset, Classes * LastWidth).Fill(1f);
    }

    /// <summary>
    /// Logits for <paramref name="rows"/> feature rows. <paramref name="hidden"/> (rows × H) receives the hidden
    /// activations after ReLU and dropout; with <paramref name="dropout"/> null no unit is dropped.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> x, int rows, Span<float> hidden, Span<float> logits,
        Random? dropout, float dropoutRate)
    {
        ReadOnlySpan<float> input = x[..(rows * Inputs)];
        if (Hidden > 0)
        {
            Span<float> h = hidden[..(rows * Hidden)];
            Multiply(input, rows, parameters[..(Hidden * Inputs)], Hidden, Inputs, h);
            ReadOnlySpan<float> b1 = parameters.Slice(Hidden * Inputs, Hidden);
            bool drop = dropout is not null && dropoutRate > 0f;
            float keepScale = drop ? 1f / (1f - dropoutRate) : 1f;
            for (int r = 0; r < rows; r++)
            {
                Span<float> row = h.Slice(r * Hidden, Hidden);
                TensorPrimitives.Add(row, b1, row);
                TensorPrimitives.Max(row, 0f, row);
                if (drop)
                {
                    for (int j = 0; j < row.Length; j++)
                    {
                        row[j] = dropout!.NextSingle() < dropoutRate ? 0f : row[j] * keepScale;
                    }
                }
            }

            input = h;
        }

        Span<float> z = logits[..(rows * Classes)];
        Multiply(input, rows, parameters.Slice(OutputOffset, Classes * LastWidth), Classes, LastWidth, z);
        ReadOnlySpan<float> b = parameters.Slice(OutputOffset + Classes * LastWidth, Classes);
        for (int r = 0; r < rows; r++)
        {
            Span<float> row = z.Slice(r * Classes, Classes);
            TensorPrimitives.Add(row, b, row);
        }
    }

    /// <summary>
    /// Adds ∂loss/∂parameters to <paramref name="gradient"/> given ∂loss/∂logits. <paramref name="hidden"/> must hold
    /// the activations of the matching <see cref="Forward"/> call; <paramref name="hiddenGradient"/> is scratch (rows × H).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Backward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> x, int rows, ReadOnlySpan<float> hidden,
        ReadOnlySpan<float> logitGradient, Span<float> hiddenGradient, float dropoutRate, bool dropoutActive, Span<float> gradient)
    {
        int width = LastWidth;
        ReadOnlySpan<float> last = Hidden > 0 ? hidden : x;
        Span<float> gW = gradient.Slice(OutputOffset, Classes * width);
        Span<float> gb = gradient.Slice(OutputOffset + Classes * width, Classes);
        for (int r = 0; r < rows; r++)
        {
            AccumulateLayerGradient(last.Slice(r * width, width), logitGradient.Slice(r * Classes, Classes), gW, gb);
        }

        if (Hidden == 0)
        {
            return;
        }

        ReadOnlySpan<float> w2 = parameters.Slice(OutputOffset, Classes * Hidden);
        float scale = dropoutActive && dropoutRate > 0f ? 1f / (1f - dropoutRate) : 1f;
        Span<float> gW1 = gradient[..(Hidden * Inputs)];
        Span<float> gb1 = gradient.Slice(Hidden * Inputs, Hidden);
        for (int r = 0; r < rows; r++)
        {
            Span<float> dh = hiddenGradient.Slice(r * Hidden, Hidden);
            dh.Clear();
            ReadOnlySpan<float> dz = logitGradient.Slice(r * Classes, Classes);
            for (int c = 0; c < Classes; c++)
            {
                TensorPrimitives.MultiplyAdd(w2.Slice(c * Hidden, Hidden), dz[c], dh, dh);
            }

            ReadOnlySpan<float> h = hidden.Slice(r * Hidden, Hidden);
            for (int j = 0; j < Hidden; j++)
            {
                dh[j] = h[j] > 0f ? dh[j] * scale : 0f;
            }

            AccumulateLayerGradient(x.Slice(r * Inputs, Inputs), dh, gW1, gb1);
        }
    }

    /// <summary>
    /// One row's share of a dense layer's gradient: weights[k, :] += delta[k] · input (rows with a zero delta are
    /// skipped) and bias += delta.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AccumulateLayerGradient(ReadOnlySpan<float> input, ReadOnlySpan<float> delta, Span<float> weights, Span<float> bias)
    {
        int width = input.Length;
        for (int k = 0; k < delta.Length; k++)
        {
            float d = delta[k];
            if (d != 0f)
            {
                Span<float> target = weights.Slice(k * width, width);
                TensorPrimitives.MultiplyAdd(input, d, target, target);
            }
        }

        TensorPrimitives.Add(bias, delta, bias);
    }

    /// <summary>
    /// C = A·Bᵀ. Narrow outputs (a few classes) use one dot product per cell: the blocked product pads B to 16-column
    /// panels, which for 2 or 4 classes would multiply the work several times over.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Multiply(ReadOnlySpan<float> a, int rows, ReadOnlySpan<float> b, int bRows, int depth, Span<float> c)
    {
        if (bRows >= 16)
        {
            MatrixProduct.MultiplyTransposed(a, rows, b, bRows, depth, c);
            return;
        }

        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> row = a.Slice(r * depth, depth);
            Span<float> output = c.Slice(r * bRows, bRows);
            for (int j = 0; j < bRows; j++)
            {
                output[j] = TensorPrimitives.Dot(row, b.Slice(j * depth, depth));
            }
        }
    }

    private static void Fill(Span<float> values, float limit, Random random)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (random.NextSingle() * 2f - 1f) * limit;
        }
    }
}
