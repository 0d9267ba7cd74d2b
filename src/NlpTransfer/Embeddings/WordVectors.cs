using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Numerics.Tensors;

namespace NlpTransfer.Embeddings;

/// <summary>
/// A set of word vectors: keys plus one contiguous row-major float matrix (Count × Dimensions), with the
/// L2 norm of every row computed once at construction. Immutable after load; every read is thread-safe.
/// </summary>
/// <remarks>
/// The matrix is either a managed <c>float[]</c> or a read-only memory-mapped view (the native .ntv format);
/// spans returned by this type are valid for as long as the instance is alive (for a memory-mapped instance,
/// until it is disposed).
/// </remarks>
public sealed partial class WordVectors : IDisposable
{
    private readonly string[] _keys;
    private readonly KeyIndex _index;
    private readonly VectorStorage _storage;
    private readonly float[] _norms;

    /// <summary>Creates word vectors over <paramref name="keys"/> and a row-major <paramref name="matrix"/> (copied).</summary>
    /// <param name="keys">One distinct key per row.</param>
    /// <param name="matrix">keys.Count × dimensions values, row-major.</param>
    /// <param name="dimensions">Values per row; positive.</param>
    /// <exception cref="ArgumentException">The matrix length is not keys.Count × dimensions, or a key is repeated.</exception>
    public static WordVectors FromMatrix(IReadOnlyList<string> keys, ReadOnlySpan<float> matrix, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        if ((long)keys.Count * dimensions != matrix.Length)
        {
            throw new ArgumentException(
                $"Expected {keys.Count} × {dimensions} = {(long)keys.Count * dimensions} values, found {matrix.Length}.", nameof(matrix));
        }

        return new WordVectors(keys.ToArray(), new ManagedVectorStorage(matrix.ToArray()), dimensions, subwords: null, source: null);
    }

    internal WordVectors(string[] keys, VectorStorage storage, int dimensions, FastTextSubwords? subwords, WordVectorsSource? source)
        : this(keys, BuildIndex(keys), storage, dimensions, subwords, source, report: null)
    {
    }

    // index: key → row for every key, built by the caller (loaders build it while dropping duplicates).
    // norms: the row norms when the file stores them (native .ntv), so that opening does not touch the matrix.
    internal WordVectors(
        string[] keys, KeyIndex index, VectorStorage storage, int dimensions, FastTextSubwords? subwords,
        WordVectorsSource? source, WordVectorLoadReport? report, float[]? norms = null)
    {
        _keys = keys;
        _storage = storage;
        Dimensions = dimensions;
        Subwords = subwords;
        Source = source ?? new WordVectorsSource(null, WordVectorFormat.Auto);
        LoadReport = report;
        _index = index;
        if (norms is null)
        {
            norms = new float[keys.Length];
            ComputeNorms(_storage, dimensions, norms);
        }

        _norms = norms;
    }

    /// <summary>Number of words (rows).</summary>
    public int Count => _keys.Length;

    /// <summary>Length of every vector.</summary>
    public int Dimensions { get; }

    /// <summary>The words, in row order (for most formats, the file's order: usually descending frequency).</summary>
    public IReadOnlyList<string> Keys => _keys;

    /// <summary>Where these vectors came from and in which format they were read.</summary>
    public WordVectorsSource Source { get; }

    /// <summary>What the load found (rows read, duplicates dropped, declared size); null for vectors built in memory.</summary>
    public WordVectorLoadReport? LoadReport { get; }

    /// <summary>The fastText subword model, when loaded from a fastText .bin; otherwise null.</summary>
    public FastTextSubwords? Subwords { get; }

    /// <summary>The whole matrix, Count × Dimensions, row-major. Valid while this instance is alive.</summary>
    public ReadOnlySpan<float> Matrix => _storage.Matrix;

    /// <summary>L2 norm of every row, computed once at load.</summary>
    public ReadOnlySpan<float> Norms => _norms;

    /// <summary>The vector of row <paramref name="index"/>. Valid while this instance is alive.</summary>
    public ReadOnlySpan<float> this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_keys.Length)
            {
                ThrowIndex(index);
            }

            return _storage.Matrix.Slice(index * Dimensions, Dimensions);
        }
    }

    /// <summary>The row of <paramref name="word"/> (ordinal, case-sensitive match), or -1 when it is not in the vocabulary.</summary>
    public int IndexOf(ReadOnlySpan<char> word) => _index.IndexOf(word);

    /// <summary>Whether <paramref name="word"/> has its own row (case-sensitive).</summary>
    public bool Contains(ReadOnlySpan<char> word) => IndexOf(word) >= 0;

    /// <summary>Gets the stored vector of an in-vocabulary word. Does not build subword vectors; see <see cref="TryGetOrBuildVector"/>.</summary>
    public bool TryGetVector(ReadOnlySpan<char> word, out ReadOnlySpan<float> vector)
    {
        int i = IndexOf(word);
        vector = i >= 0 ? this[i] : default;
        return i >= 0;
    }

    /// <summary>
    /// Whether a vector can be made for <paramref name="word"/>: it is in the vocabulary, or the vectors carry a
    /// fastText subword model and the word has at least one character n-gram.
    /// </summary>
    public bool CanMakeVector(ReadOnlySpan<char> word) => Contains(word) || (Subwords?.CanBuild(word) ?? false);

    /// <summary>
    /// Writes the vector for <paramref name="word"/> into <paramref name="destination"/> (length Dimensions): the
    /// stored row for known words (for fastText .bin, the word row plus its n-gram rows, averaged, as the fastText
    /// tool does); for unknown words the average of their n-gram rows when a subword model is present.
    /// </summary>
    /// <returns>False when no vector can be made; <paramref name="destination"/> is then zero-filled.</returns>
    public bool TryGetOrBuildVector(ReadOnlySpan<char> word, Span<float> destination)
    {
        if (destination.Length != Dimensions)
        {
            throw new ArgumentException($"Destination length must be {Dimensions}, was {destination.Length}.", nameof(destination));
        }

        int i = IndexOf(word);
        if (i >= 0)
        {
            this[i].CopyTo(destination);
            return true;
        }

        if (Subwords is not null)
        {
            return Subwords.BuildVector(word, destination);
        }

        destination.Clear();
        return false;
    }

    /// <summary>Releases the memory-mapped view, if any. Managed instances need no disposal.</summary>
    public void Dispose() => _storage.Dispose();

    private static KeyIndex BuildIndex(string[] keys)
    {
        var duplicates = new List<(int Row, int FirstRow)>(1);
        var index = KeyIndex.Build(keys, duplicates)!;
        if (duplicates.Count > 0)
        {
            var (row, first) = duplicates[0];
            throw new ArgumentException($"Key '{keys[row]}' appears at rows {first} and {row}; keys must be distinct.", nameof(keys));
        }

        return index;
    }

    /// <summary>Row norms; large matrices are split into blocks of rows computed on all cores.</summary>
    private static void ComputeNorms(VectorStorage storage, int dimensions, float[] norms)
    {
        const int rowsPerBlock = 4096;
        int blocks = (norms.Length + rowsPerBlock - 1) / rowsPerBlock;
        if ((long)norms.Length * dimensions < 1 << 20)
        {
            NormsOfRows(storage.Matrix, dimensions, norms, 0, norms.Length);
            return;
        }

        Parallel.For(0, blocks, block =>
        {
            int first = block * rowsPerBlock;
            NormsOfRows(storage.Matrix, dimensions, norms, first, Math.Min(norms.Length, first + rowsPerBlock));
        });
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void NormsOfRows(ReadOnlySpan<float> matrix, int dimensions, float[] norms, int first, int end)
    {
        for (int i = first; i < end; i++)
        {
            norms[i] = TensorPrimitives.Norm(matrix.Slice(i * dimensions, dimensions));
        }
    }

    private void ThrowIndex(int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, $"Expected a row in [0, {_keys.Length}).");
}
