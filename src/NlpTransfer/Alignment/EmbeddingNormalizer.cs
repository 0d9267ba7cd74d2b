using System.Numerics.Tensors;
using NlpTransfer.Embeddings;

namespace NlpTransfer.Alignment;

/// <summary>
/// A fitted sequence of normalisation steps (for example unit, center, unit: Artetxe et al. 2018, "Generalizing and
/// improving bilingual word embedding mappings..."; MUSE's <c>center,renorm</c>). Fitting records the column mean used
/// by every <see cref="NormalizationStep.Center"/> step, so that vectors seen later (a word built from fastText subwords,
/// a larger vocabulary of the same space) are normalised exactly as the training vocabulary was.
/// </summary>
/// <remarks>Immutable; thread-safe. Never modifies its inputs.</remarks>
public sealed class EmbeddingNormalizer
{
    private readonly NormalizationStep[] _steps;
    private readonly float[][] _means;

    private EmbeddingNormalizer(int dimensions, NormalizationStep[] steps, float[][] means)
    {
        Dimensions = dimensions;
        _steps = steps;
        _means = means;
    }

    /// <summary>Length of the vectors this normaliser applies to.</summary>
    public int Dimensions { get; }

    /// <summary>The steps, in the order they are applied; empty for no normalisation.</summary>
    public IReadOnlyList<NormalizationStep> Steps => _steps;

    /// <summary>The column mean subtracted by each <see cref="NormalizationStep.Center"/> step, in step order.</summary>
    public IReadOnlyList<float[]> CenterMeans => _means;

    /// <summary>A normaliser that changes nothing.</summary>
    public static EmbeddingNormalizer Identity(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        return new EmbeddingNormalizer(dimensions, [], []);
    }

    /// <summary>
    /// Parses a comma-separated step list such as <c>unit,center,unit</c> (also accepted: <c>+</c> as separator,
    /// <c>renorm</c> for unit, <c>none</c> or empty for no steps). Case-insensitive.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown step name.</exception>
    public static IReadOnlyList<NormalizationStep> ParseSteps(string? text)
    {
        var steps = new List<NormalizationStep>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return steps;
        }

        foreach (string part in text.Split([',', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (part.ToLowerInvariant())
            {
                case "none":
                    break;
                case "unit" or "renorm" or "unit-length" or "l2":
                    steps.Add(NormalizationStep.Unit);
                    break;
                case "center" or "centre" or "mean-center":
                    steps.Add(NormalizationStep.Center);
                    break;
                default:
                    throw new ArgumentException(
                        $"Unknown normalisation step '{part}' in '{text}': expected a comma-separated list of unit and center (or none).",
                        nameof(text));
            }
        }

        return steps;
    }

    /// <summary>Writes steps the way <see cref="ParseSteps"/> reads them (<c>none</c> for an empty list).</summary>
    public static string FormatSteps(IReadOnlyList<NormalizationStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return steps.Count == 0 ? "none" : string.Join(",", steps.Select(s => s == NormalizationStep.Unit ? "unit" : "center"));
    }

    /// <summary>
    /// Fits <paramref name="steps"/> on the whole matrix of <paramref name="vectors"/>: each center step records the
    /// column mean of the rows as they stand after the steps before it.
    /// </summary>
    public static EmbeddingNormalizer Fit(WordVectors vectors, IReadOnlyList<NormalizationStep> steps)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        return Fit(vectors.Matrix, vectors.Count, vectors.Dimensions, steps);
    }

    /// <summary>Fits <paramref name="steps"/> on a row-major <paramref name="rows"/> × <paramref name="dimensions"/> matrix.</summary>
    public static EmbeddingNormalizer Fit(ReadOnlySpan<float> matrix, int rows, int dimensions, IReadOnlyList<NormalizationStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        CheckLength(matrix.Length, rows, dimensions);
        NormalizationStep[] stepArray = steps.ToArray();
        var means = new List<float[]>();
        if (Array.IndexOf(stepArray, NormalizationStep.Center) < 0)
        {
            return new EmbeddingNormalizer(dimensions, stepArray, []);
        }

        float[] work = matrix.ToArray();
        foreach (NormalizationStep step in stepArray)
        {
            if (step == NormalizationStep.Unit)
            {
                NormalizeRows(work, dimensions);
            }
            else
            {
                float[] mean = ColumnMean(work, rows, dimensions);
                Subtract(work, dimensions, mean);
                means.Add(mean);
            }
        }

        return new EmbeddingNormalizer(dimensions, stepArray, means.ToArray());
    }

    /// <summary>New word vectors with every row normalised; keys and order as in <paramref name="vectors"/>.</summary>
    /// <exception cref="ArgumentException">The vectors have another dimension than this normaliser.</exception>
    public WordVectors Apply(WordVectors vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        return WordVectors.FromMatrix(vectors.Keys, Apply(vectors.Matrix, vectors.Count, vectors.Dimensions), vectors.Dimensions);
    }

    /// <summary>A normalised copy of a row-major matrix.</summary>
    /// <exception cref="ArgumentException">The matrix has another dimension than this normaliser.</exception>
    public float[] Apply(ReadOnlySpan<float> matrix, int rows, int dimensions)
    {
        CheckDimensions(dimensions);
        CheckLength(matrix.Length, rows, dimensions);
        float[] result = matrix.ToArray();
        ApplyInPlace(result);
        return result;
    }

    /// <summary>Normalises every row of <paramref name="matrix"/> (length a multiple of Dimensions) in place.</summary>
    public void ApplyInPlace(Span<float> matrix)
    {
        if (matrix.Length % Dimensions != 0)
        {
            throw new ArgumentException($"Expected a multiple of {Dimensions} values, found {matrix.Length}.", nameof(matrix));
        }

        int center = 0;
        foreach (NormalizationStep step in _steps)
        {
            if (step == NormalizationStep.Unit)
            {
                NormalizeRows(matrix, Dimensions);
            }
            else
            {
                Subtract(matrix, Dimensions, _means[center++]);
            }
        }
    }

    /// <summary>Creates a normaliser from stored parts (map files).</summary>
    internal static EmbeddingNormalizer FromParts(int dimensions, IReadOnlyList<NormalizationStep> steps, IReadOnlyList<float[]> means)
    {
        int centers = steps.Count(s => s == NormalizationStep.Center);
        if (centers != means.Count || means.Any(m => m.Length != dimensions))
        {
            throw new InvalidDataException(
                $"Expected {centers} center mean(s) of {dimensions} values for steps {FormatSteps(steps)}, found {means.Count}.");
        }

        return new EmbeddingNormalizer(dimensions, steps.ToArray(), means.Select(m => m.ToArray()).ToArray());
    }

    /// <summary>Divides every row by its L2 norm; zero rows stay zero.</summary>
    internal static void NormalizeRows(Span<float> matrix, int dimensions)
    {
        for (int offset = 0; offset < matrix.Length; offset += dimensions)
        {
            Span<float> row = matrix.Slice(offset, dimensions);
            float norm = TensorPrimitives.Norm(row);
            if (norm > 0f)
            {
                TensorPrimitives.Divide(row, norm, row);
            }
        }
    }

    private static float[] ColumnMean(ReadOnlySpan<float> matrix, int rows, int dimensions)
    {
        var sum = new double[dimensions];
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> row = matrix.Slice(r * dimensions, dimensions);
            for (int d = 0; d < dimensions; d++)
            {
                sum[d] += row[d];
            }
        }

        var mean = new float[dimensions];
        for (int d = 0; d < dimensions; d++)
        {
            mean[d] = rows == 0 ? 0f : (float)(sum[d] / rows);
        }

        return mean;
    }

    private static void Subtract(Span<float> matrix, int dimensions, ReadOnlySpan<float> mean)
    {
        for (int offset = 0; offset < matrix.Length; offset += dimensions)
        {
            Span<float> row = matrix.Slice(offset, dimensions);
            TensorPrimitives.Subtract(row, mean, row);
        }
    }

    private void CheckDimensions(int dimensions)
    {
        if (dimensions != Dimensions)
        {
            throw new ArgumentException(
                $"Dimension mismatch: the normaliser was fitted on {Dimensions}-dimensional vectors, these have {dimensions}.");
        }
    }

    private static void CheckLength(int length, int rows, int dimensions)
    {
        if ((long)rows * dimensions != length)
        {
            throw new ArgumentException($"Expected {rows} × {dimensions} = {(long)rows * dimensions} values, found {length}.");
        }
    }
}
