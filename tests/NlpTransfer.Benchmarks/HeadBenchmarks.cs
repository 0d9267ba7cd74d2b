using BenchmarkDotNet.Attributes;
using NlpTransfer.Data;
using NlpTransfer.Heads;

namespace NlpTransfer.Benchmarks;

/// <summary>
/// Head training and prediction on SST-2-shaped features: 6,920 training rows of 384 dimensions (the default
/// encoder's width), 2 classes, unit-norm rows with a planted linear signal; 1,821 rows predicted (the test split).
/// The comparison with scikit-learn on the real cached features is scripts/head_vs_sklearn.sh.
/// </summary>
/// <remarks>Run: <c>flock /tmp/nlpt-bench.lock dotnet run -c Release --project tests/NlpTransfer.Benchmarks -- --filter '*HeadBenchmarks*'</c></remarks>
[MemoryDiagnoser]
public class HeadBenchmarks
{
    private EncodedDataset _train = null!;
    private float[] _test = null!;
    private float[] _probabilities = null!;
    private ClassificationHead _linear = null!;
    private ClassificationHead _mlp = null!;

    [Params(2, 4)]
    public int Classes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        const int Dimensions = 384;
        _train = Make(6920, Dimensions, Classes, seed: 1);
        _test = Make(1821, Dimensions, Classes, seed: 2).Features.ToArray();
        _probabilities = new float[1821 * Classes];
        _linear = ClassificationHead.Train(_train, null, new TrainingOptions { Epochs = 1 });
        _mlp = ClassificationHead.Train(_train, null, new TrainingOptions { Epochs = 1, HiddenUnits = 256 });
    }

    /// <summary>One AdamW epoch (batch 32) of a linear softmax head.</summary>
    [Benchmark]
    public ClassificationHead AdamWEpochLinear() => ClassificationHead.Train(_train, null, new TrainingOptions { Epochs = 1 });

    /// <summary>One AdamW epoch of a 256-unit MLP head with dropout 0.1.</summary>
    [Benchmark]
    public ClassificationHead AdamWEpochMlp256() =>
        ClassificationHead.Train(_train, null, new TrainingOptions { Epochs = 1, HiddenUnits = 256 });

    /// <summary>A full L-BFGS fit of an L2-regularised linear head (λ = 1/N, scikit-learn's C = 1) to convergence.</summary>
    [Benchmark]
    public ClassificationHead LbfgsFitLinear() =>
        ClassificationHead.Train(_train, null, new TrainingOptions { Optimizer = OptimizerKind.Lbfgs, L2 = 1f / _train.Count });

    /// <summary>Probabilities for 1,821 rows with the linear head.</summary>
    [Benchmark]
    public void PredictLinear1821() => _linear.PredictProbabilities(_test, _probabilities);

    /// <summary>Probabilities for 1,821 rows with the MLP head.</summary>
    [Benchmark]
    public void PredictMlp1821() => _mlp.PredictProbabilities(_test, _probabilities);

    private static EncodedDataset Make(int rows, int dimensions, int classes, int seed)
    {
        var random = new Random(seed);
        var signal = new Random(99);
        var directions = new float[classes * dimensions];
        for (int i = 0; i < directions.Length; i++)
        {
            directions[i] = (float)(signal.NextDouble() - 0.5);
        }

        var features = new float[rows * dimensions];
        var labels = new List<int[]>(rows);
        for (int r = 0; r < rows; r++)
        {
            int c = random.Next(classes);
            double norm = 0;
            for (int d = 0; d < dimensions; d++)
            {
                float value = (float)(random.NextDouble() - 0.5) + 0.3f * directions[c * dimensions + d];
                features[r * dimensions + d] = value;
                norm += value * value;
            }

            float scale = (float)(1 / Math.Sqrt(norm));
            for (int d = 0; d < dimensions; d++)
            {
                features[r * dimensions + d] *= scale;
            }

            labels.Add([c]);
        }

        var map = LabelMap.FromLabels(Enumerable.Range(0, classes).Select(c => $"c{c}"));
        return EncodedDataset.FromArrays(features, dimensions, labels, map, multiLabel: false);
    }
}
