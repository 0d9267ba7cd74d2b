namespace NlpTransfer.Heads;

/// <summary>How a head is trained. Every property has a documented default.</summary>
public sealed record TrainingOptions
{
    /// <summary>Classes per text: one (softmax) or several (sigmoids); default <see cref="HeadTask.Classify"/>.</summary>
    public HeadTask Task { get; init; } = HeadTask.Classify;

    /// <summary>Units of the optional hidden layer (ReLU); 0, the default, gives a linear head.</summary>
    public int HiddenUnits { get; init; }

    /// <summary>Dropout probability on the hidden layer's outputs while training (AdamW only); default 0.1.</summary>
    public float Dropout { get; init; } = 0.1f;

    /// <summary>The optimiser; default <see cref="OptimizerKind.AdamW"/>.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.AdamW;

    /// <summary>Passes over the training set (AdamW); default 40.</summary>
    public int Epochs { get; init; } = 40;

    /// <summary>Examples per AdamW step; default 32.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>AdamW step size; default 0.005.</summary>
    public float LearningRate { get; init; } = 0.005f;

    /// <summary>AdamW decoupled weight decay per step, θ ← θ − lr · decay · θ on weights (not biases); default 1e-4.</summary>
    public float WeightDecay { get; init; } = 1e-4f;

    /// <summary>
    /// Coupled L2 penalty (λ/2)·‖W‖² added to the mean loss (weights, not biases); default 0. For L-BFGS,
    /// λ = 1 / (C · N) reproduces scikit-learn's LogisticRegression(C) fitted on N examples.
    /// </summary>
    public float L2 { get; init; }

    /// <summary>Example weighting by class; default <see cref="ClassWeighting.None"/>.</summary>
    public ClassWeighting ClassWeighting { get; init; } = ClassWeighting.None;

    /// <summary>
    /// Epochs without a better dev metric before training stops, keeping the best epoch's weights (AdamW with dev
    /// data); 0 disables early stopping. Default 5.
    /// </summary>
    public int Patience { get; init; } = 5;

    /// <summary>Seed of weight initialisation, shuffling and dropout: the same seed and data give the same head; default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>L-BFGS iteration limit; default 1000.</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>L-BFGS stops when the largest absolute gradient component of the mean objective is at most this (or the relative decrease of the objective falls under 2.2e-9); default 1e-5.</summary>
    public float Tolerance { get; init; } = 1e-5f;

    /// <summary>Checks every value's range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(HiddenUnits);
        if (!(Dropout >= 0f && Dropout < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(Dropout), Dropout, "Expected a dropout probability in [0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Epochs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        if (!(LearningRate > 0f) || !float.IsFinite(LearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "Expected a positive learning rate.");
        }

        if (!(WeightDecay >= 0f) || !(L2 >= 0f) || !float.IsFinite(WeightDecay) || !float.IsFinite(L2))
        {
            throw new ArgumentOutOfRangeException(nameof(WeightDecay), $"Expected non-negative weight decay and L2, found {WeightDecay} and {L2}.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(Patience);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxIterations);
        if (!(Tolerance > 0f))
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "Expected a positive tolerance.");
        }
    }
}
