using System.Buffers.Text;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;

namespace NlpTransfer.Embeddings;

/// <summary>
/// Reads word2vec text (header "count dimensions"), fastText .vec (the same, lines end with a space) and GloVe
/// (no header). The input is cut into line-aligned chunks that all cores parse in parallel: a first pass counts the
/// rows of each chunk so that the second writes every row straight into its place in one matrix.
/// </summary>
internal static class TextVectorReader
{
    private const int MinChunkBytes = 1 << 20;
    private const int MaxChunkBytes = 8 << 20;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static WordVectors Read(InputBuffer input, bool hasHeader, WordVectorLoadOptions options, WordVectorsSource source)
    {
        var clock = Stopwatch.StartNew();
        string name = input.Name;
        long position = Utf8Bom(input);
        if (IsBlank(input, position))
        {
            throw new InvalidDataException($"{name}: the file is empty, expected word vectors");
        }

        ReadOnlySpan<byte> first = LineAt(input, position, out long afterFirst);
        long? declared = null;
        int dimensions;
        long firstDataLine;
        long wanted = options.MaxWords ?? long.MaxValue;
        if (hasHeader)
        {
            if (!TryParseHeader(first, out long count, out long dims))
            {
                throw new InvalidDataException($"{name}:1: expected a header 'count dimensions', found '{Excerpt(first)}'");
            }

            declared = count;
            wanted = Math.Min(wanted, count);
            dimensions = CheckSize(name, count, dims, wanted, input.Length - afterFirst);
            position = afterFirst;
            firstDataLine = 2;
        }
        else
        {
            int tokens = CountTokens(first);
            if (tokens < 2)
            {
                throw new InvalidDataException($"{name}:1: expected a word followed by its values, found '{Excerpt(first)}'");
            }

            dimensions = tokens - 1;
            firstDataLine = 1;
        }

        long end = input.Length;
        bool truncated = false;
        if (options.MaxWords is { } maxWords && (declared is null || maxWords < declared))
        {
            end = EndOfRows(input, position, maxWords);
            truncated = !IsBlank(input, end);
        }

        var chunks = Chunk(input, position, end);
        CountRows(input, chunks);
        long rows = 0;
        long lines = firstDataLine;
        foreach (var chunk in chunks)
        {
            chunk.FirstRow = rows;
            chunk.FirstLine = lines;
            rows += chunk.Rows;
            lines += chunk.Lines;
        }

        if (declared is { } expected)
        {
            long expectedRows = Math.Min(expected, options.MaxWords ?? long.MaxValue);
            if (rows < expectedRows)
            {
                throw new InvalidDataException(
                    $"{name}:{lines}: expected {expected} rows as the header declares, found {rows} before the end of the file");
            }

            if (rows > expectedRows)
            {
                throw new InvalidDataException(
                    $"{name}:{LineOfRow(input, chunks, expectedRows)}: expected {expected} rows as the header declares, found more");
            }
        }

        if (rows * dimensions > Array.MaxLength)
        {
            throw new InvalidDataException($"{name}: {rows} rows of {dimensions} values exceed the {Array.MaxLength} values one matrix can hold");
        }

        int rowCount = (int)rows;
        var keys = new string[rowCount];
        float[] matrix = GC.AllocateUninitializedArray<float>(rowCount * dimensions);
        ParseChunks(input, chunks, dimensions, keys, matrix, end - position, options.Progress);

        bool blankLines = lines - firstDataLine != rows;
        return WordVectorsAssembler.Assemble(
            keys, matrix, dimensions, options, source,
            row => blankLines ? LineOfRow(input, chunks, row) : row + firstDataLine,
            declared, truncated, clock);
    }

    /// <summary>True when the line is "count dimensions": two non-negative integers.</summary>
    public static bool TryParseHeader(ReadOnlySpan<byte> line, out long count, out long dimensions)
    {
        count = dimensions = 0;
        line = line.Trim(" \t\r"u8);
        int space = line.IndexOfAny((byte)' ', (byte)'\t');
        if (space <= 0)
        {
            return false;
        }

        var second = line[(space + 1)..].TrimStart(" \t"u8);
        return Utf8Parser.TryParse(line[..space], out count, out int used) && used == space && count >= 0
            && Utf8Parser.TryParse(second, out dimensions, out used) && used == second.Length && second.Length > 0;
    }

    /// <summary>Byte length of a UTF-8 byte-order mark at the start, or 0.</summary>
    public static long Utf8Bom(InputBuffer input) => input.Peek(0, 3).SequenceEqual("\uFEFF"u8) ? 3 : 0;

    /// <summary>The line starting at <paramref name="position"/>, without its CR LF.</summary>
    public static ReadOnlySpan<byte> LineAt(InputBuffer input, long position, out long next)
    {
        var rest = input.Peek(position, int.MaxValue);
        int newline = rest.IndexOf((byte)'\n');
        var line = newline < 0 ? rest : rest[..newline];
        next = newline < 0 ? input.Length : position + newline + 1;
        return TrimCr(line);
    }

    public static string Excerpt(ReadOnlySpan<byte> text)
    {
        const int max = 40;
        string s = Encoding.UTF8.GetString(text.Length > max ? text[..max] : text);
        return text.Length > max ? s + "…" : s;
    }

    private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r"u8) < 0;

    private static bool IsBlank(InputBuffer input, long position)
    {
        // Whitespace-only tails are rare and short; scan in int-sized windows so that huge files work.
        while (position < input.Length)
        {
            var window = input.Peek(position, 1 << 30);
            if (window.IndexOfAnyExcept(" \t\r\n"u8) >= 0)
            {
                return false;
            }

            position += window.Length;
        }

        return true;
    }

    private static int CountTokens(ReadOnlySpan<byte> line)
    {
        int count = 0;
        int i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && line[i] is (byte)' ' or (byte)'\t')
            {
                i++;
            }

            if (i == line.Length)
            {
                break;
            }

            count++;
            while (i < line.Length && line[i] is not ((byte)' ' or (byte)'\t'))
            {
                i++;
            }
        }

        return count;
    }

    /// <summary>
    /// Refuses a header that the file cannot hold before anything is allocated: every value takes at least two
    /// bytes (a digit and a separator) and every row a word and a separator.
    /// </summary>
    private static int CheckSize(string name, long count, long dimensions, long wanted, long remainingBytes)
    {
        if (dimensions < 1 || dimensions > Array.MaxLength)
        {
            throw new InvalidDataException($"{name}:1: expected a dimension count between 1 and {Array.MaxLength}, found {dimensions}");
        }

        long bytesPerRow = 2 * dimensions + 2;
        long maxRows = (remainingBytes + 1) / bytesPerRow;
        if (wanted > maxRows)
        {
            throw new InvalidDataException(
                $"{name}:1: the header declares {count} rows of {dimensions} values, but the remaining {remainingBytes} bytes can hold at most {maxRows}");
        }

        return (int)dimensions;
    }

    private static long EndOfRows(InputBuffer input, long position, long rows)
    {
        long found = 0;
        while (found < rows && position < input.Length)
        {
            var line = LineAt(input, position, out long next);
            if (!IsBlank(line))
            {
                found++;
            }

            position = next;
        }

        return position;
    }

    private sealed class TextChunk(long start, long end)
    {
        public long Start { get; } = start;

        public long End { get; } = end;

        public int Lines { get; set; }

        public int Rows { get; set; }

        public long FirstRow { get; set; }

        public long FirstLine { get; set; }
    }

    private static List<TextChunk> Chunk(InputBuffer input, long start, long end)
    {
        long length = end - start;
        long target = Math.Clamp(length / (Environment.ProcessorCount * 8), MinChunkBytes, MaxChunkBytes);
        var chunks = new List<TextChunk>();
        while (start < end)
        {
            long cut = start + target;
            if (cut >= end)
            {
                cut = end;
            }
            else
            {
                int newline = input.Peek(cut, (int)Math.Min(int.MaxValue, end - cut)).IndexOf((byte)'\n');
                cut = newline < 0 ? end : cut + newline + 1;
            }

            chunks.Add(new TextChunk(start, cut));
            start = cut;
        }

        return chunks;
    }

    private static void CountRows(InputBuffer input, List<TextChunk> chunks)
    {
        Parallel.For(0, chunks.Count, c => CountChunk(input, chunks[c]));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CountChunk(InputBuffer input, TextChunk chunk)
    {
        var data = input.Slice(chunk.Start, (int)(chunk.End - chunk.Start));
        int lines = 0;
        int rows = 0;
        while (!data.IsEmpty)
        {
            int newline = data.IndexOf((byte)'\n');
            var line = newline < 0 ? data : data[..newline];
            lines++;
            if (line.Length > 0 && (line[0] is not ((byte)' ' or (byte)'\t' or (byte)'\r') || !IsBlank(line)))
            {
                rows++;
            }

            data = newline < 0 ? default : data[(newline + 1)..];
        }

        chunk.Lines = lines;
        chunk.Rows = rows;
    }

    private static long LineOfRow(InputBuffer input, List<TextChunk> chunks, long row)
    {
        var chunk = chunks.FindLast(c => c.FirstRow <= row)!;
        var data = input.Slice(chunk.Start, (int)(chunk.End - chunk.Start));
        long currentRow = chunk.FirstRow;
        long line = chunk.FirstLine;
        while (!data.IsEmpty)
        {
            int newline = data.IndexOf((byte)'\n');
            var text = newline < 0 ? data : data[..newline];
            if (!IsBlank(text))
            {
                if (currentRow == row)
                {
                    return line;
                }

                currentRow++;
            }

            line++;
            data = newline < 0 ? default : data[(newline + 1)..];
        }

        return line;
    }

    private static void ParseChunks(
        InputBuffer input, List<TextChunk> chunks, int dimensions, string[] keys, float[] matrix, long totalBytes,
        IProgress<WordVectorLoadProgress>? progress)
    {
        var errors = new InvalidDataException?[chunks.Count];
        long bytesDone = 0;
        Parallel.For(0, chunks.Count, (c, state) =>
        {
            var chunk = chunks[c];
            try
            {
                ParseChunk(input, chunk, dimensions, keys, matrix);
            }
            catch (InvalidDataException e)
            {
                errors[c] = e;
                return;
            }

            long done = Interlocked.Add(ref bytesDone, chunk.End - chunk.Start);
            progress?.Report(new WordVectorLoadProgress(done, totalBytes));
        });

        // Chunks are in file order: the first failing chunk holds the earliest bad line.
        foreach (var error in errors)
        {
            if (error is not null)
            {
                throw error;
            }
        }
    }

    // Fully optimised on first call: a cold process spends its first load in this loop (no tier-0 code).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ParseChunk(InputBuffer input, TextChunk chunk, int dimensions, string[] keys, float[] matrix)
    {
        string name = input.Name;
        var data = input.Slice(chunk.Start, (int)(chunk.End - chunk.Start));
        long row = chunk.FirstRow;
        long lineNumber = chunk.FirstLine;
        for (; !data.IsEmpty; lineNumber++)
        {
            int newline = data.IndexOf((byte)'\n');
            var line = TrimCr(newline < 0 ? data : data[..newline]);
            data = newline < 0 ? default : data[(newline + 1)..];
            if (line.IsEmpty || (line[0] is (byte)' ' or (byte)'\t' && IsBlank(line)))
            {
                continue;
            }

            int wordEnd = line.IndexOfAny((byte)' ', (byte)'\t');
            if (wordEnd == 0)
            {
                throw new InvalidDataException($"{name}:{lineNumber}: expected a word at the start of the line, found a space");
            }

            if (wordEnd < 0)
            {
                throw new InvalidDataException($"{name}:{lineNumber}: expected {dimensions} values, found 0");
            }

            try
            {
                keys[row] = StrictUtf8.GetString(line[..wordEnd]);
            }
            catch (DecoderFallbackException)
            {
                throw new InvalidDataException($"{name}:{lineNumber}: expected a word in UTF-8, found invalid bytes");
            }

            var values = line[wordEnd..];
            var destination = matrix.AsSpan((int)row * dimensions, dimensions);
            if (!Utf8Float.TryParseRow(values, destination))
            {
                ParseValues(name, lineNumber, values, destination);
            }

            row++;
        }
    }

    private static void ParseValues(string name, long lineNumber, ReadOnlySpan<byte> text, Span<float> destination)
    {
        int i = 0;
        int j = 0;
        while (true)
        {
            while ((uint)i < (uint)text.Length && text[i] is (byte)' ' or (byte)'\t')
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            if (j == destination.Length)
            {
                throw new InvalidDataException(
                    $"{name}:{lineNumber}: expected {destination.Length} values, found {j + CountTokens(text[i..])}");
            }

            var status = Utf8Float.Parse(text[i..], out destination[j], out int consumed);
            if (status != Utf8Float.Status.Ok)
            {
                string token = Excerpt(text.Slice(i, consumed));
                throw new InvalidDataException(status == Utf8Float.Status.NotANumber
                    ? $"{name}:{lineNumber}: expected a number as value {j + 1}, found '{token}'"
                    : $"{name}:{lineNumber}: expected a finite number as value {j + 1}, found '{token}'");
            }

            i += consumed;
            j++;
        }

        if (j < destination.Length)
        {
            throw new InvalidDataException($"{name}:{lineNumber}: expected {destination.Length} values, found {j}");
        }
    }
}
