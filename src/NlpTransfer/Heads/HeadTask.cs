namespace NlpTransfer.Heads;

/// <summary>What a classification head predicts.</summary>
public enum HeadTask
{
    /// <summary>Exactly one class per text: softmax over the classes (binary sentiment is the two-class case).</summary>
    Classify,

    /// <summary>Any number of classes per text: one sigmoid per class, with a per-class threshold tuned on dev data.</summary>
    MultiLabel,
}
