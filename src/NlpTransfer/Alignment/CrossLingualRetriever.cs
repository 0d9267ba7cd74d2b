using NlpTransfer.Embeddings;

namespace NlpTransfer.Alignment;

/// <summary>
/// Translation retrieval between a mapped source space and a target space (both held with unit-length rows): nearest
/// neighbour by cosine or CSLS, from source to target or, through <see cref="Reverse"/>, from target to source.
/// Scores are computed in blocks of queries × all candidates with a blocked matrix product and folded into top-k lists,
/// so memory stays linear in the vocabulary sizes.
/// </summary>
/// <remarks>Immutable after creation apart from the CSLS neighbourhood terms, computed once on first need (thread-safe).</remarks>
public sealed class CrossLingualRetriever
{
    private readonly float[] _source;
    private readonly float[] _target;
    private readonly object _gate;
    private readonly Neighborhoods _neighborhoods;

    private CrossLingualRetriever(float[] source, int sourceCount, float[] target, int targetCount, int dimensions, int cslsNeighbors,
        Neighborhoods neighborhoods, object gate)
    {
        _source = source;
        _target = target;
        SourceCount = sourceCount;
        TargetCount = targetCount;
        Dimensions = dimensions;
        CslsNeighbors = cslsNeighbors;
        _neighborhoods = neighborhoods;
        _gate = gate;
    }

    /// <summary>Number of source (query-side) rows.</summary>
    public int SourceCount { get; }

    /// <summary>Number of target (candidate-side) rows.</summary>
    public int TargetCount { get; }

    /// <summary>Vector length.</summary>
    public int Dimensions { get; }

    /// <summary>K of CSLS: how many nearest neighbours make the neighbourhood terms r_T and r_S.</summary>
    public int CslsNeighbors { get; }

    /// <summary>
    /// Creates a retriever over copies of <paramref name="mappedSource"/> and <paramref name="target"/> (row-major, each
    /// row scaled to unit length here; zero rows stay zero and score 0).
    /// </summary>
    /// <param name="mappedSource">Source vectors already mapped into the target space.</param>
    /// <param name="sourceCount">Rows of <paramref name="mappedSource"/>.</param>
    /// <param name="target">Target vectors (normalised as the map expects).</param>
    /// <param name="targetCount">Rows of <paramref name="target"/>.</param>
    /// <param name="dimensions">Vector length; both sides must share it.</param>
    /// <param name="cslsNeighbors">K of CSLS; default 10 (Conneau et al. 2018).</param>
    public static CrossLingualRetriever Create(
        ReadOnlySpan<float> mappedSource, int sourceCount, ReadOnlySpan<float> target, int targetCount, int dimensions, int cslsNeighbors = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cslsNeighbors);
        if ((long)sourceCount * dimensions != mappedSource.Length)
        {
            throw new ArgumentException($"Expected {sourceCount} × {dimensions} source values, found {mappedSource.Length}.", nameof(mappedSource));
        }

        if ((long)targetCount * dimensions != target.Length)
        {
            throw new ArgumentException($"Expected {targetCount} × {dimensions} target values, found {target.Length}.", nameof(target));
        }

        float[] source = mappedSource.ToArray();
        float[] candidates = target.ToArray();
        EmbeddingNormalizer.NormalizeRows(source, dimensions);
        EmbeddingNormalizer.NormalizeRows(candidates, dimensions);
        return new CrossLingualRetriever(source, sourceCount, candidates, targetCount, dimensions, cslsNeighbors, new Neighborhoods(), new object());
    }

    /// <summary>Creates a retriever from two vector sets of equal dimension (the source already mapped).</summary>
    /// <exception cref="ArgumentException">The dimensions differ.</exception>
    public static CrossLingualRetriever Create(WordVectors mappedSource, WordVectors target, int cslsNeighbors = 10)
    {
        ArgumentNullException.ThrowIfNull(mappedSource);
        ArgumentNullException.ThrowIfNull(target);
        if (mappedSource.Dimensions != target.Dimensions)
        {
            throw new ArgumentException(
                $"Dimension mismatch: source vectors have {mappedSource.Dimensions} dimensions, target vectors {target.Dimensions}.");
        }

        return Create(mappedSource.Matrix, mappedSource.Count, target.Matrix, target.Count, target.Dimensions, cslsNeighbors);
    }

    /// <summary>The same spaces with roles swapped: queries are target rows, candidates source rows. Shares all data.</summary>
    public CrossLingualRetriever Reverse() =>
        new(_target, TargetCount, _source, SourceCount, Dimensions, CslsNeighbors, _neighborhoods.Swapped(), _gate);

    /// <summary>r_T of every source row: mean cosine to its K nearest target rows. Computed on first call.</summary>
    public ReadOnlySpan<float> SourceNeighborhood => EnsureNeighborhoods().Source;

    /// <summary>r_S of every target row: mean cosine to its K nearest source rows. Computed on first call.</summary>
    public ReadOnlySpan<float> TargetNeighborhood => EnsureNeighborhoods().Target;

    /// <summary>
    /// The <paramref name="k"/> best target rows for each source row in <paramref name="sourceRows"/>. Scores are
    /// cosines (nearest neighbour) or CSLS values; equal scores rank the lower target row first.
    /// </summary>
    public RetrievalResult Search(IReadOnlyList<int> sourceRows, RetrievalMethod method, int k = 10)
    {
        ArgumentNullException.ThrowIfNull(sourceRows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var queries = new float[sourceRows.Count * Dimensions];
        for (int q = 0; q < sourceRows.Count; q++)
        {
            int row = sourceRows[q];
            if ((uint)row >= (uint)SourceCount)
            {
                throw new ArgumentOutOfRangeException(nameof(sourceRows), row, $"Expected source rows in [0, {SourceCount}).");
            }

            _source.AsSpan(row * Dimensions, Dimensions).CopyTo(queries.AsSpan(q * Dimensions));
        }

        return SearchVectors(queries, sourceRows, method, k);
    }

    /// <summary>
    /// The <paramref name="k"/> best target rows for arbitrary query vectors (already mapped; scaled to unit length
    /// here). With CSLS, r_T of each query is computed against the targets; r_S of the targets is the stored one.
    /// </summary>
    public RetrievalResult SearchVectors(ReadOnlySpan<float> queries, RetrievalMethod method, int k = 10)
    {
        if (queries.Length % Dimensions != 0)
        {
            throw new ArgumentException($"Expected a multiple of {Dimensions} values, found {queries.Length}.", nameof(queries));
        }

        float[] copy = queries.ToArray();
        EmbeddingNormalizer.NormalizeRows(copy, Dimensions);
        return SearchVectors(copy, null, method, k);
    }

    /// <summary>
    /// For the refinement step: each source row's best target and each target row's best source under
    /// <paramref name="method"/> (ties to the lower row). Mutual pairs are those where the two agree.
    /// </summary>
    internal (int[] SourceToTarget, int[] TargetToSource) BestBothWays(RetrievalMethod method)
    {
        float scale = 1f;
        float[]? rowPenalty = null, columnPenalty = null;
        if (method == RetrievalMethod.Csls)
        {
            var terms = EnsureNeighborhoods();
            scale = 2f;
            rowPenalty = terms.Source;
            columnPenalty = terms.Target;
        }

        var (rows, columns) = BlockedSimilarity.Scan(_source, SourceCount, _target, TargetCount, Dimensions, 1, 1, scale, rowPenalty, columnPenalty);
        return (rows!.Indices, columns!.Indices);
    }

    /// <summary>The cosine of source row <paramref name="sourceRow"/> and target row <paramref name="targetRow"/>.</summary>
    public float Cosine(int sourceRow, int targetRow) =>
        System.Numerics.Tensors.TensorPrimitives.Dot(
            _source.AsSpan(sourceRow * Dimensions, Dimensions), _target.AsSpan(targetRow * Dimensions, Dimensions));

    private RetrievalResult SearchVectors(float[] queries, IReadOnlyList<int>? sourceRows, RetrievalMethod method, int k)
    {
        int count = queries.Length / Dimensions;
        if (method == RetrievalMethod.NearestNeighbor)
        {
            var (nn, _) = BlockedSimilarity.Scan(queries, count, _target, TargetCount, Dimensions, k, 0);
            return ToResult(nn, count, k, null);
        }

        if (sourceRows is not null && IsEverySourceRow(sourceRows) && TrySinglePass(queries, k) is { } single)
        {
            return single;
        }

        var terms = EnsureNeighborhoods();
        float[] queryTerms;
        if (sourceRows is not null)
        {
            queryTerms = new float[count];
            for (int q = 0; q < count; q++)
            {
                queryTerms[q] = terms.Source[sourceRows[q]];
            }
        }
        else
        {
            var (own, _) = BlockedSimilarity.Scan(queries, count, _target, TargetCount, Dimensions, CslsNeighbors, 0);
            queryTerms = new float[count];
            for (int q = 0; q < count; q++)
            {
                queryTerms[q] = own!.Mean(q);
            }
        }

        // r_T(x) is constant along a query's row, so the ranking uses 2cos − r_S(y) and r_T is subtracted afterwards.
        var (csls, _) = BlockedSimilarity.Scan(queries, count, _target, TargetCount, Dimensions, k, 0, 2f, null, terms.Target);
        return ToResult(csls, count, k, queryTerms);
    }

    // All source rows in order: the query set is the source side itself, so CSLS can run in one pass.
    private bool IsEverySourceRow(IReadOnlyList<int> rows)
    {
        if (rows.Count != SourceCount)
        {
            return false;
        }

        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i] != i)
            {
                return false;
            }
        }

        return true;
    }

    private RetrievalResult? TrySinglePass(float[] queries, int k)
    {
        lock (_gate)
        {
            if (_neighborhoods.Source is not null)
            {
                return null;
            }
        }

        var single = BlockedSimilarity.CslsSinglePass(queries, SourceCount, _target, TargetCount, Dimensions, CslsNeighbors, k);
        if (single is not { } result)
        {
            return null;
        }

        lock (_gate)
        {
            if (_neighborhoods.Source is null)
            {
                _neighborhoods.Set(result.RowTerms, result.ColumnTerms);
            }
        }

        return ToResult(result.Ranking, SourceCount, k, result.RowTerms);
    }

    private static RetrievalResult ToResult(TopKState? state, int count, int k, float[]? queryTerms)
    {
        var indices = new int[count * k];
        var scores = new float[count * k];
        Array.Fill(indices, -1);
        Array.Fill(scores, float.NaN);
        if (state is not null)
        {
            for (int q = 0; q < count; q++)
            {
                for (int i = 0; i < state.K; i++)
                {
                    int index = state.Indices[q * state.K + i];
                    indices[q * k + i] = index;
                    scores[q * k + i] = index < 0 ? float.NaN : state.Values[q * state.K + i] - (queryTerms?[q] ?? 0f);
                }
            }
        }

        return new RetrievalResult(count, k, indices, scores);
    }

    private (float[] Source, float[] Target) EnsureNeighborhoods()
    {
        lock (_gate)
        {
            if (_neighborhoods.Source is null)
            {
                // One pass over all source × target scores gives both terms: row lists for r_T, column lists for r_S.
                var (rows, columns) = BlockedSimilarity.Scan(_source, SourceCount, _target, TargetCount, Dimensions, CslsNeighbors, CslsNeighbors);
                var source = new float[SourceCount];
                var target = new float[TargetCount];
                for (int i = 0; i < SourceCount; i++)
                {
                    source[i] = rows!.Mean(i);
                }

                for (int j = 0; j < TargetCount; j++)
                {
                    target[j] = columns!.Mean(j);
                }

                _neighborhoods.Set(source, target);
            }

            return _neighborhoods.Get();
        }
    }

    // The two neighbourhood arrays, shared between a retriever and its Reverse() (which sees them swapped).
    private sealed class Neighborhoods
    {
        private readonly Box _box;
        private readonly bool _swapped;

        public Neighborhoods()
            : this(new Box(), false)
        {
        }

        private Neighborhoods(Box box, bool swapped)
        {
            _box = box;
            _swapped = swapped;
        }

        public float[]? Source => _swapped ? _box.Target : _box.Source;

        public Neighborhoods Swapped() => new(_box, !_swapped);

        public void Set(float[] source, float[] target)
        {
            (_box.Source, _box.Target) = _swapped ? (target, source) : (source, target);
        }

        public (float[] Source, float[] Target) Get() => _swapped ? (_box.Target!, _box.Source!) : (_box.Source!, _box.Target!);

        private sealed class Box
        {
            public float[]? Source { get; set; }

            public float[]? Target { get; set; }
        }
    }
}
