namespace NlpTransfer.Heads;

/// <summary>The optimiser used by <see cref="HeadTrainer"/>.</summary>
public enum OptimizerKind
{
    /// <summary>
    /// Mini-batch AdamW (Loshchilov and Hutter 2019, "Decoupled Weight Decay Regularization"): Adam moments with
    /// β1 = 0.9, β2 = 0.999, ε = 1e-8 and weight decay applied directly to the weights. Supports dropout and
    /// early stopping on the dev metric.
    /// </summary>
    AdamW,

    /// <summary>
    /// Full-batch limited-memory BFGS (Nocedal 1980; Liu and Nocedal 1989; history 10, backtracking Armijo line
    /// search) on the mean loss plus the L2 penalty, run until the largest gradient component falls under
    /// <see cref="TrainingOptions.Tolerance"/>. With <see cref="TrainingOptions.L2"/> = 1 / (C · N) it fits the same
    /// model as an L2-regularised logistic regression with inverse strength C. No dropout, no early stopping.
    /// </summary>
    Lbfgs,
}
