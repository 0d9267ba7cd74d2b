namespace NlpTransfer.Text;

/// <summary>
/// One model input built by <see cref="WordPieceTokenizer.EncodeWindows"/> or <see cref="WordPieceTokenizer.EncodePair"/>:
/// <c>[CLS] text [SEP]</c> or <c>[CLS] first [SEP] second [SEP]</c>, not padded. Immutable; it owns its arrays.
/// </summary>
public sealed class EncodedWindow
{
    private readonly long[] _inputIds;
    private readonly long[] _tokenTypeIds;
    private readonly long[] _attentionMask;
    private readonly int[] _charStarts;
    private readonly int[] _charLengths;
    private readonly int[] _sequenceIds;

    internal EncodedWindow(long[] inputIds, long[] tokenTypeIds, int[] charStarts, int[] charLengths, int[] sequenceIds,
        int firstTokenIndex, int contentStart, int contentLength)
    {
        _inputIds = inputIds;
        _tokenTypeIds = tokenTypeIds;
        _attentionMask = new long[inputIds.Length];
        Array.Fill(_attentionMask, 1L);
        _charStarts = charStarts;
        _charLengths = charLengths;
        _sequenceIds = sequenceIds;
        FirstTokenIndex = firstTokenIndex;
        ContentStart = contentStart;
        ContentLength = contentLength;
    }

    /// <summary>Number of tokens, special tokens included.</summary>
    public int Length => _inputIds.Length;

    /// <summary>Vocabulary ids (int64, as BERT ONNX models take them).</summary>
    public ReadOnlyMemory<long> InputIds => _inputIds;

    /// <summary>Segment ids: 0 for [CLS], the first text and its [SEP]; 1 for the second text and the last [SEP].</summary>
    public ReadOnlyMemory<long> TokenTypeIds => _tokenTypeIds;

    /// <summary>All ones (a window is not padded; pad when batching).</summary>
    public ReadOnlyMemory<long> AttentionMask => _attentionMask;

    /// <summary>Per token, the index of its first character in the ORIGINAL text it came from; -1 for special tokens.</summary>
    public ReadOnlyMemory<int> CharStarts => _charStarts;

    /// <summary>Per token, the number of original characters it covers; 0 for special tokens.</summary>
    public ReadOnlyMemory<int> CharLengths => _charLengths;

    /// <summary>
    /// Per token, which text it came from: 0 the first (or only) text, 1 the second text of a pair, -1 a special
    /// token. <see cref="CharStarts"/> index into that text.
    /// </summary>
    public ReadOnlyMemory<int> SequenceIds => _sequenceIds;

    /// <summary>
    /// Index, in the windowed text's own piece sequence (<see cref="WordPieceTokenizer.Tokenize"/> of the only text,
    /// or of the second text of a pair), of the first piece in this window.
    /// </summary>
    public int FirstTokenIndex { get; }

    /// <summary>Position in this window of the first piece of the windowed text.</summary>
    public int ContentStart { get; }

    /// <summary>Number of pieces of the windowed text in this window.</summary>
    public int ContentLength { get; }
}
