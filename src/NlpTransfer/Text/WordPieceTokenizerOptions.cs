namespace NlpTransfer.Text;

/// <summary>Options of <see cref="WordPieceTokenizer"/>. The defaults are right for uncased BERT vocabularies (bert-base-uncased, MiniLM).</summary>
public sealed record WordPieceTokenizerOptions
{
    /// <summary>Lower-case the text before splitting it into pieces. Default true; false for cased models.</summary>
    public bool LowerCase { get; init; } = true;

    /// <summary>Decompose (NFD) and drop non-spacing marks, so "café" becomes "cafe". Default true; false for cased models.</summary>
    public bool StripAccents { get; init; } = true;

    /// <summary>Make every CJK ideograph a word of its own. Default true.</summary>
    public bool SplitCjkIdeographs { get; init; } = true;

    /// <summary>Vocabulary entry for a word that cannot be split into known pieces. Default "[UNK]".</summary>
    public string UnknownToken { get; init; } = "[UNK]";

    /// <summary>Vocabulary entry put first. Default "[CLS]".</summary>
    public string ClassificationToken { get; init; } = "[CLS]";

    /// <summary>Vocabulary entry that ends each segment. Default "[SEP]".</summary>
    public string SeparatorToken { get; init; } = "[SEP]";

    /// <summary>Vocabulary entry used for padding. Default "[PAD]".</summary>
    public string PaddingToken { get; init; } = "[PAD]";

    /// <summary>Prefix of pieces that continue a word. Default "##".</summary>
    public string ContinuingSubwordPrefix { get; init; } = "##";

    /// <summary>
    /// Longer words (in UTF-16 code units, after normalisation) become one unknown token. Default 100, as in the
    /// reference. The reference counts code points; the two agree unless the vocabulary has entries outside the
    /// Basic Multilingual Plane (bert-base-uncased has none).
    /// </summary>
    public int MaxInputCharsPerWord { get; init; } = 100;
}
