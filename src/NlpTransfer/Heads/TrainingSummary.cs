namespace NlpTransfer.Heads;

/// <summary>How a training run went.</summary>
/// <param name="EpochsRun">Epochs (AdamW) or iterations (L-BFGS) that ran.</param>
/// <param name="BestEpoch">The epoch whose weights were kept.</param>
/// <param name="BestDevMetric">The dev metric of the kept weights, or null without dev data.</param>
/// <param name="FinalTrainLoss">The mean training loss of the last epoch.</param>
/// <param name="StoppedEarly">Whether early stopping or convergence ended training before the limit.</param>
/// <param name="Elapsed">Wall-clock training time.</param>
public sealed record TrainingSummary(int EpochsRun, int BestEpoch, double? BestDevMetric, double FinalTrainLoss,
    bool StoppedEarly, TimeSpan Elapsed);
