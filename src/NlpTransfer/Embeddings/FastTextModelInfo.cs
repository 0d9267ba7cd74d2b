namespace NlpTransfer.Embeddings;

/// <summary>The training arguments and dictionary sizes stored in a fastText .bin model.</summary>
public sealed record FastTextModelInfo
{
    /// <summary>File format version: 12 for current files, null for the older layout without a magic number.</summary>
    public int? Version { get; init; }

    /// <summary>Vector dimensions (<c>dim</c>).</summary>
    public int Dimensions { get; init; }

    /// <summary>Context window (<c>ws</c>).</summary>
    public int Window { get; init; }

    /// <summary>Training epochs.</summary>
    public int Epochs { get; init; }

    /// <summary>Minimum word count (<c>minCount</c>).</summary>
    public int MinCount { get; init; }

    /// <summary>Negative samples (<c>neg</c>).</summary>
    public int Negatives { get; init; }

    /// <summary>Word n-gram length (<c>wordNgrams</c>).</summary>
    public int WordNgrams { get; init; }

    /// <summary>Loss: "hs", "ns", "softmax" or "ova".</summary>
    public string Loss { get; init; } = "";

    /// <summary>Model: "cbow", "sg" or "sup".</summary>
    public string Model { get; init; } = "";

    /// <summary>n-gram hash buckets.</summary>
    public int Buckets { get; init; }

    /// <summary>Shortest character n-gram.</summary>
    public int MinN { get; init; }

    /// <summary>Longest character n-gram (0: none).</summary>
    public int MaxN { get; init; }

    /// <summary>Learning-rate update rate.</summary>
    public int LearningRateUpdateRate { get; init; }

    /// <summary>Sampling threshold (<c>t</c>).</summary>
    public double SamplingThreshold { get; init; }

    /// <summary>Dictionary entries (words and labels).</summary>
    public int DictionarySize { get; init; }

    /// <summary>Dictionary words.</summary>
    public int WordCount { get; init; }

    /// <summary>Dictionary labels (supervised models).</summary>
    public int LabelCount { get; init; }

    /// <summary>Tokens seen in training.</summary>
    public long TokenCount { get; init; }
}
