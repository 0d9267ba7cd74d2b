namespace NlpTransfer.Heads;

/// <summary>
/// What <see cref="HeadTrainer"/> optimises: a model's parameters, a loss with its gradient over a batch of
/// training examples, and a dev metric. Implemented by the classification head; a span head for extractive
/// question answering implements it over token states.
/// </summary>
public interface ITrainingObjective
{
    /// <summary>Number of training examples; batches are index lists into [0, ExampleCount).</summary>
    int ExampleCount { get; }

    /// <summary>The parameters, updated in place by the trainer.</summary>
    Span<float> Parameters { get; }

    /// <summary>Per parameter, 1 where weight decay and the L2 penalty apply (weights), 0 where not (biases).</summary>
    ReadOnlySpan<float> DecayMask { get; }

    /// <summary>The dev metric's name ("accuracy", "micro_f1", …).</summary>
    string DevMetricName { get; }

    /// <summary>
    /// Mean loss over <paramref name="examples"/> at the current parameters, and its gradient written into
    /// <paramref name="gradient"/> (overwritten; same length as <see cref="Parameters"/>).
    /// </summary>
    /// <param name="examples">Indices of the batch's training examples.</param>
    /// <param name="gradient">Receives ∂loss/∂parameters.</param>
    /// <param name="dropout">Random source for dropout while training, or null for none (full-batch optimisers, evaluation).</param>
    double ComputeLossAndGradient(ReadOnlySpan<int> examples, Span<float> gradient, Random? dropout);

    /// <summary>The dev metric at the current parameters (higher is better), or null when there is no dev data.</summary>
    double? EvaluateDev();
}
