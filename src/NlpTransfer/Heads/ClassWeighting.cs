namespace NlpTransfer.Heads;

/// <summary>How training examples are weighted by class, to counter class imbalance.</summary>
public enum ClassWeighting
{
    /// <summary>Every example weighs 1.</summary>
    None,

    /// <summary>
    /// Single-label: an example of class c weighs N / (K · n_c) (N examples, K classes, n_c of class c), so every
    /// class contributes equally. Multi-label: the positive term of class c weighs n_neg / n_pos, clipped to [1, 100].
    /// </summary>
    Balanced,
}
