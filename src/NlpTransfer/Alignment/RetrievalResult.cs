namespace NlpTransfer.Alignment;

/// <summary>The top-k candidates of each query, best first.</summary>
public sealed class RetrievalResult
{
    private readonly int[] _indices;
    private readonly float[] _scores;

    internal RetrievalResult(int queryCount, int k, int[] indices, float[] scores)
    {
        QueryCount = queryCount;
        K = k;
        _indices = indices;
        _scores = scores;
    }

    /// <summary>Number of queries.</summary>
    public int QueryCount { get; }

    /// <summary>Candidates per query (fewer real ones when the searched set is smaller: those slots hold index −1).</summary>
    public int K { get; }

    /// <summary>The candidate rows of query <paramref name="query"/>, best first; ties in score are ordered by lower row.</summary>
    public ReadOnlySpan<int> Indices(int query) => _indices.AsSpan(query * K, K);

    /// <summary>The scores parallel to <see cref="Indices"/> (cosine, or CSLS).</summary>
    public ReadOnlySpan<float> Scores(int query) => _scores.AsSpan(query * K, K);
}
