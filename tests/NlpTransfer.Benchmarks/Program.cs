using BenchmarkDotNet.Running;
using NlpTransfer.Benchmarks;

if (args.Length > 0 && args[0] == "throughput")
{
    EncoderThroughput.Run(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
