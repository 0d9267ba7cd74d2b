namespace NlpTransfer.Embeddings;

/// <summary>Tells the format of a vector file from its first bytes (not its extension).</summary>
internal static class WordVectorFormatDetector
{
    /// <summary>The fastText .bin magic number of format version 11 and later (little-endian int32).</summary>
    public const int FastTextMagic = 0x2F4F16BA;

    public static WordVectorFormat Detect(InputBuffer input)
    {
        var head = input.Peek(0, 64);
        if (head.IsEmpty)
        {
            throw new InvalidDataException($"{input.Name}: the file is empty, expected word vectors");
        }

        if (head.Length >= 4 && BitConverter.ToInt32(head) == FastTextMagic)
        {
            return WordVectorFormat.FastTextBinary;
        }

        if (head.StartsWith(NativeVectorFile.Magic))
        {
            return WordVectorFormat.Native;
        }

        if (LooksLikeOldFastText(head))
        {
            return WordVectorFormat.FastTextBinary;
        }

        long start = TextVectorReader.Utf8Bom(input);
        var first = TextVectorReader.LineAt(input, start, out long next);
        if (!TextVectorReader.TryParseHeader(first, out _, out _))
        {
            return WordVectorFormat.GloVe;
        }

        return LooksLikeTextRow(input, next) ? WordVectorFormat.Word2VecText : WordVectorFormat.Word2VecBinary;
    }

    /// <summary>
    /// The pre-magic fastText layout starts with the int32 arguments dim, ws, epoch, minCount, neg, wordNgrams, loss,
    /// model: small positive integers, so the first bytes hold NULs, which no text vector file has.
    /// </summary>
    private static bool LooksLikeOldFastText(ReadOnlySpan<byte> head)
    {
        if (head.Length < 48 || head[..16].IndexOf((byte)0) < 0)
        {
            return false;
        }

        for (int i = 0; i < 8; i++)
        {
            int value = BitConverter.ToInt32(head[(i * 4)..]);
            if (value < 0 || value > 1 << 20)
            {
                return false;
            }
        }

        int loss = BitConverter.ToInt32(head[24..]);
        int model = BitConverter.ToInt32(head[28..]);
        return BitConverter.ToInt32(head) > 0 && loss is >= 1 and <= 4 && model is >= 1 and <= 3;
    }

    /// <summary>
    /// After a "count dims" header, text and binary word2vec differ in the first row: text has only number characters
    /// after the word, binary has raw float bytes.
    /// </summary>
    private static bool LooksLikeTextRow(InputBuffer input, long position)
    {
        var row = input.Peek(position, 4096);
        int space = row.IndexOf((byte)' ');
        if (space < 0)
        {
            // No row at all (a header-only file) reads as text; a word without values is reported by the text reader.
            return row.IndexOf((byte)0) < 0;
        }

        var values = row[(space + 1)..];
        int newline = values.IndexOf((byte)'\n');
        if (newline >= 0)
        {
            values = values[..newline];
        }

        return values.IndexOfAnyExcept("0123456789+-.eE \t\rnaifNAIFty"u8) < 0;
    }
}
