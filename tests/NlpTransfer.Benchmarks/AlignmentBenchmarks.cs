using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NlpTransfer.Alignment;
using NlpTransfer.Numerics;

namespace NlpTransfer.Benchmarks;

/// <summary>
/// Bilingual lexicon induction at MUSE scale on random data: 1,500 mapped source queries against 200,000 target words
/// of 300 dimensions, top-10 by CSLS (K = 10), including the neighbourhood terms r_T of every query and r_S of every
/// target (r_S over the 1,500 mapped source words). Each measurement starts from raw rows (unit-normalised copies are
/// made inside), as the numpy peer does: tests/NlpTransfer.Benchmarks/scripts/csls_bli_numpy.py.
/// Run both with tests/NlpTransfer.Benchmarks/scripts/run-alignment-benchmarks.sh.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class AlignmentBenchmarks
{
    private const int Queries = 1_500;
    private const int Targets = 200_000;
    private const int Dimensions = 300;
    private float[] _queries = null!;
    private float[] _targets = null!;
    private float[] _product = null!;
    private int[] _rows = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _queries = Uniform(random, Queries * Dimensions);
        _targets = Uniform(random, Targets * Dimensions);
        _product = new float[Queries * 20_000];
        _rows = Enumerable.Range(0, Queries).ToArray();
    }

    /// <summary>The whole CSLS retrieval: normalise, r_T and r_S (one pass), then top-10 CSLS (second pass).</summary>
    [Benchmark]
    public int CslsTop10()
    {
        var retriever = CrossLingualRetriever.Create(_queries, Queries, _targets, Targets, Dimensions, cslsNeighbors: 10);
        return retriever.Search(_rows, RetrievalMethod.Csls, 10).Indices(0)[0];
    }

    /// <summary>Nearest-neighbour (cosine) top-10 over the same data (one pass, no neighbourhood terms).</summary>
    [Benchmark]
    public int NearestNeighborTop10()
    {
        var retriever = CrossLingualRetriever.Create(_queries, Queries, _targets, Targets, Dimensions);
        return retriever.Search(_rows, RetrievalMethod.NearestNeighbor, 10).Indices(0)[0];
    }

    /// <summary>The bare product C = A·Bᵀ for 1,500 × 20,000 × 300 (2·m·n·k = 18.0 GFLOP).</summary>
    [Benchmark]
    public float MultiplyTransposed()
    {
        MatrixProduct.MultiplyTransposed(_queries, Queries, _targets.AsSpan(0, 20_000 * Dimensions), 20_000, Dimensions, _product);
        return _product[0];
    }

    private static float[] Uniform(Random random, int length)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return values;
    }
}
