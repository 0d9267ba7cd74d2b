using System.Numerics.Tensors;
using System.Text.Json;
using NlpTransfer.Embeddings;
using NlpTransfer.Numerics;
using NlpTransfer.IO;

namespace NlpTransfer.Alignment;

/// <summary>
/// An orthogonal map W from a source embedding space into a target space, with the normalisation each side needs
/// first: a source vector x is normalised (the fitted steps and means of the source vocabulary) and mapped to W x.
/// Saved as a versioned JSON file that records the dimension, the normalisation, and fingerprints of the vectors it
/// was fitted on.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class CrossLingualMap
{
    /// <summary>The format name written in every map file.</summary>
    public const string FormatName = "nlpt-crosslingual-map";

    /// <summary>The newest map-file version this library writes and reads.</summary>
    public const int FormatVersion = 1;

    private readonly double[] _w;
    private readonly float[] _wFloat;

    internal CrossLingualMap(
        double[] w, int dimensions, EmbeddingNormalizer sourceNormalizer, EmbeddingNormalizer targetNormalizer,
        VectorsFingerprint source, VectorsFingerprint target, int trainingPairs, int refinementIterations)
    {
        if (w.Length != dimensions * dimensions)
        {
            throw new ArgumentException($"Expected a {dimensions} × {dimensions} map, found {w.Length} values.", nameof(w));
        }

        if (sourceNormalizer.Dimensions != dimensions || targetNormalizer.Dimensions != dimensions)
        {
            throw new ArgumentException($"Normalisers must be {dimensions}-dimensional.");
        }

        _w = w;
        _wFloat = Array.ConvertAll(w, v => (float)v);
        Dimensions = dimensions;
        SourceNormalizer = sourceNormalizer;
        TargetNormalizer = targetNormalizer;
        Source = source;
        Target = target;
        TrainingPairs = trainingPairs;
        RefinementIterations = refinementIterations;
    }

    /// <summary>The dimension of both spaces.</summary>
    public int Dimensions { get; }

    /// <summary>W, row-major Dimensions × Dimensions, double precision: (W x)ᵢ = Σⱼ W[i·d + j] xⱼ.</summary>
    public ReadOnlySpan<double> Matrix => _w;

    /// <summary>Normalisation applied to source vectors before W.</summary>
    public EmbeddingNormalizer SourceNormalizer { get; }

    /// <summary>Normalisation applied to target vectors before comparing them with mapped source vectors.</summary>
    public EmbeddingNormalizer TargetNormalizer { get; }

    /// <summary>The source vectors the map was fitted on.</summary>
    public VectorsFingerprint Source { get; }

    /// <summary>The target vectors the map was fitted on.</summary>
    public VectorsFingerprint Target { get; }

    /// <summary>Dictionary pairs of the last Procrustes solution.</summary>
    public int TrainingPairs { get; }

    /// <summary>Refinement iterations run after the supervised solution.</summary>
    public int RefinementIterations { get; }

    /// <summary>
    /// Creates a map from a known W (row-major, <paramref name="dimensions"/>²) with no normalisation; fingerprints
    /// describe the vectors it is meant for (may be null when unknown).
    /// </summary>
    public static CrossLingualMap FromMatrix(ReadOnlySpan<double> w, int dimensions, VectorsFingerprint? source = null, VectorsFingerprint? target = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        var unknown = new VectorsFingerprint(0, dimensions, "");
        return new CrossLingualMap(
            w.ToArray(), dimensions, EmbeddingNormalizer.Identity(dimensions), EmbeddingNormalizer.Identity(dimensions),
            source ?? unknown, target ?? unknown, 0, 0);
    }

    /// <summary>The inverse map, target → source: Wᵀ (W is orthogonal), with the normalisers swapped.</summary>
    public CrossLingualMap Inverse()
    {
        int d = Dimensions;
        var transposed = new double[d * d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                transposed[j * d + i] = _w[i * d + j];
            }
        }

        return new CrossLingualMap(transposed, d, TargetNormalizer, SourceNormalizer, Target, Source, TrainingPairs, RefinementIterations);
    }

    /// <summary>Normalises <paramref name="sourceVector"/> as the source vocabulary was and writes W x to <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">A length other than <see cref="Dimensions"/>.</exception>
    public void MapVector(ReadOnlySpan<float> sourceVector, Span<float> destination)
    {
        CheckDimensions(sourceVector.Length, "source vector");
        CheckDimensions(destination.Length, "destination");
        Span<float> normalized = Dimensions <= 1024 ? stackalloc float[Dimensions] : new float[Dimensions];
        sourceVector.CopyTo(normalized);
        SourceNormalizer.ApplyInPlace(normalized);
        for (int i = 0; i < Dimensions; i++)
        {
            destination[i] = TensorPrimitives.Dot(_wFloat.AsSpan(i * Dimensions, Dimensions), normalized);
        }
    }

    /// <summary>
    /// Maps the vector of <paramref name="word"/> from <paramref name="source"/>: its stored row, or for fastText .bin
    /// vectors an unknown word's vector built from its character n-grams.
    /// </summary>
    /// <returns>False when no vector can be made for the word (destination zero-filled).</returns>
    public bool TryMapWord(WordVectors source, ReadOnlySpan<char> word, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        CheckDimensions(source.Dimensions, "source vectors");
        Span<float> raw = Dimensions <= 1024 ? stackalloc float[Dimensions] : new float[Dimensions];
        if (!source.TryGetOrBuildVector(word, raw))
        {
            destination.Clear();
            return false;
        }

        MapVector(raw, destination);
        return true;
    }

    /// <summary>Normalises and maps every row of a row-major matrix; returns the new rows × Dimensions matrix.</summary>
    public float[] MapMatrix(ReadOnlySpan<float> sourceMatrix, int rows)
    {
        float[] normalized = SourceNormalizer.Apply(sourceMatrix, rows, Dimensions);
        var mapped = new float[normalized.Length];
        MatrixProduct.MultiplyTransposed(normalized, rows, _wFloat, Dimensions, Dimensions, mapped);
        return mapped;
    }

    /// <summary>The whole source vocabulary mapped into the target space (new vectors; the input is not modified).</summary>
    /// <exception cref="ArgumentException">The vectors are not <see cref="Dimensions"/>-dimensional.</exception>
    public WordVectors Apply(WordVectors source)
    {
        ArgumentNullException.ThrowIfNull(source);
        CheckDimensions(source.Dimensions, "source vectors");
        return WordVectors.FromMatrix(source.Keys, MapMatrix(source.Matrix, source.Count), Dimensions);
    }

    /// <summary>The target vocabulary normalised as the map expects (new vectors).</summary>
    public WordVectors NormalizeTarget(WordVectors target)
    {
        ArgumentNullException.ThrowIfNull(target);
        CheckDimensions(target.Dimensions, "target vectors");
        return TargetNormalizer.Apply(target);
    }

    /// <summary>Writes the map to <paramref name="path"/> through a temporary file renamed into place.</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        AtomicFile.Write(path, stream => Save(stream));
    }

    /// <summary>Writes the map as JSON to <paramref name="stream"/> (not disposed).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        int d = Dimensions;
        var rows = new double[d][];
        for (int i = 0; i < d; i++)
        {
            rows[i] = _w.AsSpan(i * d, d).ToArray();
        }

        var file = new CrossLingualMapFile
        {
            Format = FormatName,
            Version = FormatVersion,
            Dimensions = d,
            Normalization = SourceNormalizer.Steps.Select(s => s == NormalizationStep.Unit ? "unit" : "center").ToArray(),
            Source = Source,
            Target = Target,
            SourceCenterMeans = SourceNormalizer.CenterMeans.ToArray(),
            TargetCenterMeans = TargetNormalizer.CenterMeans.ToArray(),
            TrainingPairs = TrainingPairs,
            RefinementIterations = RefinementIterations,
            CreatedBy = "NlpTransfer " + typeof(CrossLingualMap).Assembly.GetName().Version,
            W = rows,
        };
        JsonSerializer.Serialize(stream, file, CrossLingualMapFile.Json);
    }

    /// <summary>Reads a map file.</summary>
    /// <exception cref="InvalidDataException">Not a map file, a newer version, or inconsistent shapes; the message names the file.</exception>
    public static CrossLingualMap Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>Reads a map from <paramref name="stream"/> (not disposed); <paramref name="name"/> names it in errors.</summary>
    public static CrossLingualMap Load(Stream stream, string name = "<map>")
    {
        ArgumentNullException.ThrowIfNull(stream);
        CrossLingualMapFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CrossLingualMapFile>(stream, CrossLingualMapFile.Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name}: not a cross-lingual map file (invalid JSON at line {e.LineNumber + 1}: {e.Message}).", e);
        }

        if (file is null || file.Format != FormatName)
        {
            throw new InvalidDataException($"{name}: not a cross-lingual map file (format '{file?.Format}', expected '{FormatName}').");
        }

        if (file.Version < 1 || file.Version > FormatVersion)
        {
            throw new InvalidDataException($"{name}: map file version {file.Version} is not supported (this library reads 1 to {FormatVersion}).");
        }

        int d = file.Dimensions;
        if (d <= 0 || file.W is null || file.W.Length != d || file.W.Any(r => r is null || r.Length != d))
        {
            throw new InvalidDataException($"{name}: expected a {d} × {d} matrix 'w', found {file.W?.Length ?? 0} rows of other lengths.");
        }

        IReadOnlyList<NormalizationStep> steps;
        try
        {
            steps = EmbeddingNormalizer.ParseSteps(string.Join(",", file.Normalization ?? []));
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{name}: {e.Message}", e);
        }

        EmbeddingNormalizer sourceNormalizer, targetNormalizer;
        try
        {
            sourceNormalizer = EmbeddingNormalizer.FromParts(d, steps, file.SourceCenterMeans ?? []);
            targetNormalizer = EmbeddingNormalizer.FromParts(d, steps, file.TargetCenterMeans ?? []);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{name}: {e.Message}", e);
        }

        double[] w = file.W.SelectMany(r => r).ToArray();
        var unknown = new VectorsFingerprint(0, d, "");
        return new CrossLingualMap(w, d, sourceNormalizer, targetNormalizer, file.Source ?? unknown, file.Target ?? unknown,
            file.TrainingPairs, file.RefinementIterations);
    }

    private void CheckDimensions(int actual, string what)
    {
        if (actual != Dimensions)
        {
            throw new ArgumentException(
                $"Dimension mismatch: the map is {Dimensions}-dimensional, the {what} {(what.EndsWith('s') ? "have" : "has")} {actual} dimensions.");
        }
    }
}
