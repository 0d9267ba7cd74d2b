using Microsoft.ML.Tokenizers;
using LibraryWordPieceTokenizer = Microsoft.ML.Tokenizers.WordPieceTokenizer;

namespace NlpTransfer.Text;

/// <summary>
/// BERT WordPiece tokenization that gives the ids of the reference BERT algorithm (Devlin et al. 2019): text
/// cleaning, CJK splitting, lower-casing, accent stripping and punctuation splitting by <see cref="BertTextNormalizer"/>
/// and <see cref="BertPreTokenizer"/>, then greedy longest-match-first WordPiece over the vocabulary by
/// Microsoft.ML.Tokenizers' <see cref="LibraryWordPieceTokenizer"/>. Every piece keeps the span of the ORIGINAL
/// text it came from.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe: one instance can serve every thread. Working buffers are pooled per call.</para>
/// <para>Long texts are processed in chunks cut at whitespace (the reference never joins words across whitespace,
/// so chunking changes nothing), which keeps memory bounded and lets <see cref="Encode(ReadOnlySpan{char}, int, Span{long}, Span{long}, Span{long})"/>
/// stop once <c>maxLength</c> tokens are found. Work is linear in the text length.</para>
/// <para>Special-token strings inside a text ("[CLS]") are not recognised: they are tokenized as plain text, as
/// in the reference.</para>
/// </remarks>
public sealed partial class WordPieceTokenizer
{
    private const int ChunkChars = 8192;

    private readonly LibraryWordPieceTokenizer _inner;
    private readonly BertTextNormalizer _normalizer;
    private readonly string[] _tokens;

    private WordPieceTokenizer(LibraryWordPieceTokenizer inner, BertTextNormalizer normalizer, string[] tokens,
        int clsId, int sepId, int padId, int unkId, WordPieceTokenizerOptions options)
    {
        _inner = inner;
        _normalizer = normalizer;
        _tokens = tokens;
        ClsId = clsId;
        SepId = sepId;
        PadId = padId;
        UnkId = unkId;
        Options = options;
    }

    /// <summary>Number of vocabulary entries (lines of vocab.txt); ids run from 0 to VocabularySize - 1.</summary>
    public int VocabularySize => _tokens.Length;

    /// <summary>Id of the classification token ([CLS]) put first in every encoding.</summary>
    public int ClsId { get; }

    /// <summary>Id of the separator token ([SEP]) that ends every segment.</summary>
    public int SepId { get; }

    /// <summary>Id of the padding token ([PAD]); callers pad batches with it (and attention mask 0).</summary>
    public int PadId { get; }

    /// <summary>Id of the unknown token ([UNK]).</summary>
    public int UnkId { get; }

    /// <summary>The options this tokenizer was created with.</summary>
    public WordPieceTokenizerOptions Options { get; }

    /// <summary>
    /// The Microsoft.ML.Tokenizers tokenizer doing the WordPiece step, configured with this tokenizer's
    /// <see cref="BertTextNormalizer"/> and <see cref="BertPreTokenizer"/>: its EncodeToIds(text) gives the same
    /// ids as <see cref="Tokenize"/>, without offsets into the original text.
    /// </summary>
    public LibraryWordPieceTokenizer LibraryTokenizer => _inner;

    /// <summary>Loads a WordPiece vocabulary (vocab.txt: one entry per line, id = 0-based line number).</summary>
    /// <param name="vocabPath">Path of vocab.txt (UTF-8, LF or CRLF line ends).</param>
    /// <param name="options">Options; null for the uncased-BERT defaults.</param>
    /// <exception cref="ArgumentException"><paramref name="vocabPath"/> is null or empty, or an option is invalid.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The vocabulary repeats an entry or lacks a special token.</exception>
    public static WordPieceTokenizer Create(string vocabPath, WordPieceTokenizerOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(vocabPath);
        using FileStream stream = File.OpenRead(vocabPath);
        return Create(stream, options, vocabPath);
    }

    /// <summary>Loads a WordPiece vocabulary from a stream, read to its end and never disposed.</summary>
    /// <param name="vocabStream">vocab.txt content (UTF-8): one entry per line, id = 0-based line number.</param>
    /// <param name="options">Options; null for the uncased-BERT defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="vocabStream"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="InvalidDataException">The vocabulary repeats an entry or lacks a special token.</exception>
    public static WordPieceTokenizer Create(Stream vocabStream, WordPieceTokenizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(vocabStream);
        return Create(vocabStream, options, "vocabulary stream");
    }

    private static WordPieceTokenizer Create(Stream stream, WordPieceTokenizerOptions? options, string source)
    {
        options ??= new WordPieceTokenizerOptions();
        Validate(options);

        byte[] bytes = ReadAll(stream);
        (string[] tokens, Dictionary<string, int> ids) = ReadVocabulary(bytes, source);

        int unkId = RequireToken(ids, options.UnknownToken, "unknown", source);
        int clsId = RequireToken(ids, options.ClassificationToken, "classification", source);
        int sepId = RequireToken(ids, options.SeparatorToken, "separator", source);
        int padId = RequireToken(ids, options.PaddingToken, "padding", source);

        var normalizer = new BertTextNormalizer(options.LowerCase, options.StripAccents, options.SplitCjkIdeographs);
        var special = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            [options.UnknownToken] = unkId,
            [options.ClassificationToken] = clsId,
            [options.SeparatorToken] = sepId,
            [options.PaddingToken] = padId,
        };
        LibraryWordPieceTokenizer inner = LibraryWordPieceTokenizer.Create(new MemoryStream(bytes, writable: false), new WordPieceOptions
        {
            Normalizer = normalizer,
            PreTokenizer = BertPreTokenizer.Instance,
            SpecialTokens = special,
            UnknownToken = options.UnknownToken,
            ContinuingSubwordPrefix = options.ContinuingSubwordPrefix,
            MaxInputCharsPerWord = options.MaxInputCharsPerWord,
        });

        return new WordPieceTokenizer(inner, normalizer, tokens, clsId, sepId, padId, unkId, options);
    }

    /// <summary>The vocabulary entry of <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not in [0, VocabularySize).</exception>
    public string GetToken(int id)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, _tokens.Length);
        return _tokens[id];
    }

    /// <summary>
    /// Splits <paramref name="text"/> into word pieces, without special tokens, each with the span of the original
    /// text it came from.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public IReadOnlyList<WordPieceToken> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var pieces = new PieceList(text.Length / 3 + 8);
        Collect(text, int.MaxValue, pieces);
        var result = new WordPieceToken[pieces.Count];
        ReadOnlySpan<int> ids = pieces.Ids, starts = pieces.Starts, lengths = pieces.Lengths;
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = new WordPieceToken(ids[i], starts[i], lengths[i]);
        }

        return result;
    }

    /// <summary>Number of word pieces of <paramref name="text"/>, without special tokens (for length-sorted batching).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CountTokens(text.AsSpan());
    }

    /// <summary>Number of word pieces of <paramref name="text"/>, without special tokens (for length-sorted batching).</summary>
    public int CountTokens(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        using var normalized = new NormalizedTextBuffer(Math.Min(text.Length, ChunkChars) + 64);
        int count = 0;
        for (int position = 0; position < text.Length;)
        {
            int end = ChunkEnd(text, position, ChunkChars);
            normalized.Clear();
            _normalizer.NormalizeInto(text, position, end, normalized);
            position = end;
            if (normalized.Length != 0)
            {
                count += _inner.CountTokens(normalized.Chars, considerPreTokenization: true, considerNormalization: false);
            }
        }

        return count;
    }

    /// <summary>
    /// Encodes <c>[CLS] text [SEP]</c>, truncated to <paramref name="maxLength"/> tokens (pieces beyond
    /// maxLength - 2 are dropped; [SEP] always ends the sequence), writing ids, token type ids (all 0) and attention
    /// mask (all 1) straight into the caller's buffers. Elements after the returned count are not written.
    /// </summary>
    /// <returns>The number of tokens written: min(pieces + 2, maxLength).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">A destination is shorter than the number of tokens to write.</exception>
    public int Encode(string text, int maxLength, Span<long> ids, Span<long> typeIds, Span<long> attentionMask)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Encode(text.AsSpan(), maxLength, ids, typeIds, attentionMask);
    }

    /// <inheritdoc cref="Encode(string, int, Span{long}, Span{long}, Span{long})"/>
    public int Encode(ReadOnlySpan<char> text, int maxLength, Span<long> ids, Span<long> typeIds, Span<long> attentionMask)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        using var pieces = new PieceList(Math.Min(maxLength, text.Length + 2));
        Collect(text, maxLength - 2, pieces, withOffsets: false);
        int count = pieces.Count + 2;
        RequireLength(ids.Length, count, nameof(ids));
        RequireLength(typeIds.Length, count, nameof(typeIds));
        RequireLength(attentionMask.Length, count, nameof(attentionMask));

        ids[0] = ClsId;
        ReadOnlySpan<int> pieceIds = pieces.Ids;
        for (int i = 0; i < pieceIds.Length; i++)
        {
            ids[i + 1] = pieceIds[i];
        }

        ids[count - 1] = SepId;
        typeIds[..count].Clear();
        attentionMask[..count].Fill(1L);
        return count;
    }

    /// <summary>
    /// Appends the pieces of <paramref name="text"/> to <paramref name="pieces"/> until <paramref name="limit"/>
    /// pieces are there. Chunks are sized to the pieces still wanted, so a 1 MB text truncated to 128 tokens reads
    /// only its first few thousand characters. Without offsets, pieces get start and length 0 and the library is
    /// asked for ids only.
    /// </summary>
    private void Collect(ReadOnlySpan<char> text, int limit, PieceList pieces, bool withOffsets = true)
    {
        if (text.IsEmpty || limit <= 0)
        {
            return;
        }

        using var normalized = new NormalizedTextBuffer(Math.Min(text.Length, ChunkChars) + 64);
        for (int position = 0; position < text.Length && pieces.Count < limit;)
        {
            long wanted = (long)(limit - pieces.Count) * 8;
            int end = ChunkEnd(text, position, (int)Math.Clamp(wanted, 256, ChunkChars));
            normalized.Clear();
            _normalizer.NormalizeInto(text, position, end, normalized);
            position = end;
            if (normalized.Length == 0)
            {
                continue;
            }

            if (!withOffsets)
            {
                IReadOnlyList<int> ids = _inner.EncodeToIds(normalized.Chars, considerPreTokenization: true, considerNormalization: false);
                for (int t = 0; t < ids.Count && pieces.Count < limit; t++)
                {
                    pieces.Add(ids[t], 0, 0);
                }

                continue;
            }

            IReadOnlyList<EncodedToken> encoded = _inner.EncodeToTokens(
                normalized.Chars, out _, considerPreTokenization: true, considerNormalization: false);
            for (int t = 0; t < encoded.Count && pieces.Count < limit; t++)
            {
                EncodedToken token = encoded[t];
                int start = normalized.StartOf(token.Offset.Start.Value);
                int stop = normalized.EndOf(token.Offset.End.Value - 1);
                pieces.Add(token.Id, start, stop - start);
            }
        }
    }

    /// <summary>
    /// End of the chunk that starts at <paramref name="start"/>: the first word break at or after start + target
    /// (whitespace, or a CJK ideograph when those are split), else the end of the text.
    /// </summary>
    private int ChunkEnd(ReadOnlySpan<char> text, int start, int target)
    {
        if (text.Length - start <= target)
        {
            return text.Length;
        }

        for (int i = start + target; i < text.Length; i++)
        {
            char c = text[i];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                return i;
            }

            if (c >= 0x80 && !char.IsSurrogate(c))
            {
                System.Globalization.UnicodeCategory category = BertCharacters.Category(c);
                if (BertCharacters.IsSeparator(c, category) || (_normalizer.SplitCjkIdeographs && BertCharacters.IsCjkIdeograph(c)))
                {
                    return i;
                }
            }
        }

        return text.Length;
    }

    private static void RequireLength(int length, int needed, string parameterName)
    {
        if (length < needed)
        {
            throw new ArgumentException($"Destination holds {length} elements; {needed} tokens must be written.", parameterName);
        }
    }

    private static void Validate(WordPieceTokenizerOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.UnknownToken, nameof(options.UnknownToken));
        ArgumentException.ThrowIfNullOrEmpty(options.ClassificationToken, nameof(options.ClassificationToken));
        ArgumentException.ThrowIfNullOrEmpty(options.SeparatorToken, nameof(options.SeparatorToken));
        ArgumentException.ThrowIfNullOrEmpty(options.PaddingToken, nameof(options.PaddingToken));
        ArgumentNullException.ThrowIfNull(options.ContinuingSubwordPrefix, nameof(options.ContinuingSubwordPrefix));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxInputCharsPerWord, nameof(options.MaxInputCharsPerWord));
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>
    /// Reads the lines the way Microsoft.ML.Tokenizers does (StreamReader.ReadLine: LF, CR or CRLF; empty lines keep
    /// their id but hold no entry) and rejects repeated entries, which it would otherwise fail on without a line.
    /// </summary>
    private static (string[] Tokens, Dictionary<string, int> Ids) ReadVocabulary(byte[] bytes, string source)
    {
        var tokens = new List<string>(capacity: 32_000);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false));
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length != 0 && !ids.TryAdd(line, tokens.Count))
            {
                throw new InvalidDataException(
                    $"{source}:{tokens.Count + 1}: entry '{line}' repeats line {ids[line] + 1}; every vocabulary entry must be unique.");
            }

            tokens.Add(line);
        }

        return (tokens.ToArray(), ids);
    }

    private static int RequireToken(Dictionary<string, int> ids, string token, string role, string source) =>
        ids.TryGetValue(token, out int id)
            ? id
            : throw new InvalidDataException($"{source}: no line holds '{token}', the {role} token; expected a BERT WordPiece vocab.txt.");
}
