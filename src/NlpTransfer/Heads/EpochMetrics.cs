namespace NlpTransfer.Heads;

/// <summary>Progress of training after one epoch (AdamW) or one iteration (L-BFGS).</summary>
/// <param name="Epoch">1-based epoch or iteration.</param>
/// <param name="MaxEpochs">The most epochs or iterations that will run.</param>
/// <param name="TrainLoss">Mean training loss over the epoch (for L-BFGS, the full objective at the iterate).</param>
/// <param name="DevMetric">The dev metric after the epoch (higher is better), or null without dev data.</param>
/// <param name="DevMetricName">The dev metric's name, such as "accuracy" or "micro_f1".</param>
/// <param name="IsBest">Whether this epoch's dev metric is the best so far (its weights are kept).</param>
/// <param name="Elapsed">Time since training started.</param>
public sealed record EpochMetrics(int Epoch, int MaxEpochs, double TrainLoss, double? DevMetric, string DevMetricName,
    bool IsBest, TimeSpan Elapsed);
