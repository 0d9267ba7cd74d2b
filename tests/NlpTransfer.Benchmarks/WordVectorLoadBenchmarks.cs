using BenchmarkDotNet.Attributes;
using NlpTransfer.Embeddings;

namespace NlpTransfer.Benchmarks;

/// <summary>
/// Word-vector loading: word2vec text throughput, native .ntv open time, fastText .bin load.
/// </summary>
/// <remarks>
/// Inputs (nothing is read from the repository):
/// NLPT_BENCH_VECTORS: a word2vec text file, by default /tmp/glove-6b-100d-wink.w2v.txt made by
/// scripts/wink_to_word2vec.py (GloVe 6B-100d subset, 341,479 words, 296 MB). The .ntv is written next to it in
/// the setup. NLPTRANSFER_DATA: shared/data, for the fastText .bin benchmark (skipped when absent).
/// Run: flock /tmp/nlpt-bench.lock dotnet run -c Release --project tests/NlpTransfer.Benchmarks -- --filter '*WordVectorLoad*'
/// MB/s = file bytes / mean time; words/s = 341,479 / mean time.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class WordVectorLoadBenchmarks
{
    private string _text = "";
    private string _native = "";
    private string? _fastText;

    [GlobalSetup]
    public void Setup()
    {
        _text = Environment.GetEnvironmentVariable("NLPT_BENCH_VECTORS") ?? "/tmp/glove-6b-100d-wink.w2v.txt";
        if (!File.Exists(_text))
        {
            throw new FileNotFoundException($"{_text}: make it with tests/NlpTransfer.Benchmarks/scripts/wink_to_word2vec.py, or set NLPT_BENCH_VECTORS");
        }

        _native = Path.ChangeExtension(_text, ".bench.ntv");
        using (var vectors = WordVectors.Load(_text))
        {
            vectors.SaveNative(_native);
            Console.WriteLine($"// {_text}: {new FileInfo(_text).Length} bytes, {vectors.Count} words x {vectors.Dimensions}");
        }

        string? data = Environment.GetEnvironmentVariable("NLPTRANSFER_DATA");
        string candidate = Path.Combine(data ?? "/nonexistent", "vectors", "fasttext", "bible-kjv.d50.bin");
        _fastText = File.Exists(candidate) ? candidate : null;
    }

    /// <summary>Parse the whole word2vec text file on all cores into one float matrix, keys and index.</summary>
    [Benchmark]
    public int LoadWord2VecText()
    {
        using var vectors = WordVectors.Load(_text);
        return vectors.Count;
    }

    /// <summary>Open the same vectors as .ntv: keys, index and stored norms read, the matrix memory-mapped.</summary>
    [Benchmark]
    public int OpenNative()
    {
        using var vectors = WordVectors.Load(_native);
        return vectors.Count;
    }

    /// <summary>Open the .ntv and read one row, so that a mapped page is touched.</summary>
    [Benchmark]
    public float OpenNativeAndReadRow()
    {
        using var vectors = WordVectors.Load(_native);
        return vectors[vectors.Count / 2][0];
    }

    /// <summary>fastText .bin (Bible model, 6,960 words + 100,000 buckets × 50): input matrix and every word's subword vector.</summary>
    [Benchmark]
    public int LoadFastTextBin()
    {
        if (_fastText is null)
        {
            return 0;
        }

        using var vectors = WordVectors.Load(_fastText);
        return vectors.Count;
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_native);
}
