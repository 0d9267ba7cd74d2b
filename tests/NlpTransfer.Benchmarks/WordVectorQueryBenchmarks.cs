using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NlpTransfer.Embeddings;

namespace NlpTransfer.Benchmarks;

/// <summary>
/// Similarity queries and the questions-words analogy evaluation on GloVe 6B-100d: the top-50k file of the shared
/// data and, when present, the full 341,479-word conversion. Data: $NLPTRANSFER_DATA (default ../shared/data from
/// the repository root, else /work/shared/data); the full file: $NLPT_FULL_GLOVE (default
/// /tmp/glove-6b-100d-wink.w2v.txt). Run: <c>flock /tmp/nlpt-bench.lock dotnet run -c Release --project
/// tests/NlpTransfer.Benchmarks -- --filter '*WordVectorQuery*'</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class WordVectorQueryBenchmarks
{
    private WordVectors _vectors = null!;
    private float[] _queries = null!;
    private ScoredWord[] _results = null!;
    private string _questions = null!;

    /// <summary>"top50k" or "full341k".</summary>
    [ParamsSource(nameof(Files))]
    public string File { get; set; } = "top50k";

    public static IEnumerable<string> Files()
    {
        yield return "top50k";
        if (System.IO.File.Exists(FullGlovePath))
        {
            yield return "full341k";
        }
    }

    private static string FullGlovePath => Environment.GetEnvironmentVariable("NLPT_FULL_GLOVE") ?? "/tmp/glove-6b-100d-wink.w2v.txt";

    [GlobalSetup]
    public void Setup()
    {
        string data = DataDirectory();
        string path = File == "top50k" ? Path.Combine(data, "vectors", "glove-100d-top50k.w2v.txt") : FullGlovePath;
        _vectors = WordVectors.Load(path);
        _questions = Path.Combine(data, "benchmarks", "questions-words.txt");

        // 1,000 queries: the vectors of the words at rows 0, 37, 74, …, slightly perturbed.
        const int queryCount = 1000;
        var random = new Random(42);
        _queries = new float[queryCount * _vectors.Dimensions];
        for (int q = 0; q < queryCount; q++)
        {
            ReadOnlySpan<float> row = _vectors[q * 37 % _vectors.Count];
            for (int d = 0; d < _vectors.Dimensions; d++)
            {
                _queries[q * _vectors.Dimensions + d] = row[d] + (float)(random.NextDouble() - 0.5) * 0.1f;
            }
        }

        _results = new ScoredWord[queryCount * 10];
        _ = _vectors.NormalizedMatrix; // built once, outside the measurements
    }

    /// <summary>most_similar("king", topn=10): one query, the whole vocabulary.</summary>
    [Benchmark]
    public IReadOnlyList<ScoredWord> MostSimilarOneWord() => _vectors.MostSimilar("king", topN: 10);

    /// <summary>1,000 query vectors, top 10 each, in one batched call.</summary>
    [Benchmark]
    public int MostSimilarBatchOf1000() => _vectors.MostSimilar(_queries, 1000, _results, topN: 10);

    /// <summary>evaluate_word_analogies(questions-words.txt) with gensim's defaults.</summary>
    [Benchmark]
    public int EvaluateAnalogiesQuestionsWords() => _vectors.EvaluateAnalogies(_questions).Total.Correct;

    private static string DataDirectory()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("NLPTRANSFER_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "..", "shared", "data");
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "NlpTransfer.sln")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return "/work/shared/data";
    }
}
