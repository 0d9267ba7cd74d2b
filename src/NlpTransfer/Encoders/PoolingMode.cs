namespace NlpTransfer.Encoders;

/// <summary>How the token states of one sequence become one vector.</summary>
public enum PoolingMode
{
    /// <summary>The mean of the states of the real tokens ([CLS] and [SEP] included, padding excluded), as sentence-transformers' mean pooling.</summary>
    Mean,

    /// <summary>The state of the first token ([CLS]).</summary>
    Cls,

    /// <summary>The element-wise maximum over the states of the real tokens (padding excluded).</summary>
    Max,
}
