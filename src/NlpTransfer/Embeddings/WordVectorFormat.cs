namespace NlpTransfer.Embeddings;

/// <summary>File formats of pretrained word vectors.</summary>
public enum WordVectorFormat
{
    /// <summary>Detect the format from the file's content (and, where content is ambiguous, its extension).</summary>
    Auto = 0,

    /// <summary>word2vec text: a "count dimensions" header line, then "word v1 … vD" per line. fastText .vec is this format.</summary>
    Word2VecText,

    /// <summary>word2vec binary: an ASCII header line, then per word the word, a space and D little-endian float32.</summary>
    Word2VecBinary,

    /// <summary>GloVe text: "word v1 … vD" per line, no header.</summary>
    GloVe,

    /// <summary>fastText binary model (.bin), version 12 with magic number or the older layout without it; carries subword vectors.</summary>
    FastTextBinary,

    /// <summary>NlpTransfer's own memory-mapped format (.ntv).</summary>
    Native,
}
