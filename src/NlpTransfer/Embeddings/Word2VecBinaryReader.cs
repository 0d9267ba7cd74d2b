using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace NlpTransfer.Embeddings;

/// <summary>
/// Reads word2vec binary: an ASCII header line "count dimensions", then per word its UTF-8 bytes, one space and
/// dimensions little-endian float32. gensim writes no newline after a vector, the original word2vec tool writes one:
/// a single newline before a word is skipped.
/// </summary>
internal static class Word2VecBinaryReader
{
    private const int MaxWordBytes = 1 << 16;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static WordVectors Read(InputBuffer input, WordVectorLoadOptions options, WordVectorsSource source)
    {
        var clock = Stopwatch.StartNew();
        string name = input.Name;
        if (input.Length == 0)
        {
            throw new InvalidDataException($"{name}: the file is empty, expected word vectors");
        }

        var header = TextVectorReader.LineAt(input, 0, out long position);
        if (!TextVectorReader.TryParseHeader(header, out long count, out long dims))
        {
            throw new InvalidDataException($"{name}:1: expected a header 'count dimensions', found '{TextVectorReader.Excerpt(header)}'");
        }

        if (dims < 1 || dims > Array.MaxLength)
        {
            throw new InvalidDataException($"{name}:1: expected a dimension count between 1 and {Array.MaxLength}, found {dims}");
        }

        long wanted = Math.Min(count, options.MaxWords ?? long.MaxValue);
        long rowBytes = dims * sizeof(float) + 2;
        long maxRows = (input.Length - position) / rowBytes;
        if (wanted > maxRows)
        {
            throw new InvalidDataException(
                $"{name}:1: the header declares {count} rows of {dims} values, but the remaining {input.Length - position} bytes can hold at most {maxRows}");
        }

        if (wanted * dims > Array.MaxLength)
        {
            throw new InvalidDataException($"{name}:1: {wanted} rows of {dims} values exceed the {Array.MaxLength} values one matrix can hold");
        }

        int dimensions = (int)dims;
        int rows = (int)wanted;
        var keys = new string[rows];
        float[] matrix = GC.AllocateUninitializedArray<float>(rows * dimensions);
        var cursor = new BinaryCursor(input, position);
        long reportEvery = Math.Max(1, rows / 100);
        for (int row = 0; row < rows; row++)
        {
            if (cursor.Remaining > 0 && input.Slice(cursor.Offset, 1)[0] == (byte)'\n')
            {
                cursor.Offset++;
            }

            long wordAt = cursor.Offset;
            var window = input.Peek(wordAt, MaxWordBytes);
            int space = window.IndexOf((byte)' ');
            if (space <= 0)
            {
                throw cursor.Error(space == 0
                    ? $"expected the word of row {row + 1} of {count}, found a space"
                    : window.Length < MaxWordBytes
                        ? $"expected row {row + 1} of {count} (a word, a space and {dimensions} float32), found the end of the file"
                        : $"expected the word of row {row + 1} of {count} followed by a space within {MaxWordBytes} bytes");
            }

            try
            {
                keys[row] = StrictUtf8.GetString(window[..space]);
            }
            catch (DecoderFallbackException)
            {
                throw cursor.Error($"expected the word of row {row + 1} in UTF-8, found invalid bytes");
            }

            cursor.Offset += space + 1;
            var vector = matrix.AsSpan(row * dimensions, dimensions);
            long valuesAt = cursor.Offset;
            cursor.Require((long)dimensions * sizeof(float), $"the {dimensions} float32 values of '{keys[row]}', row {row + 1} of {count},");
            cursor.ReadFloats(vector, "a vector");
            int bad = IndexOfNonFinite(vector);
            if (bad >= 0)
            {
                throw cursor.Error(valuesAt + bad * sizeof(float), $"expected a finite value {bad + 1} for '{keys[row]}', found {vector[bad].ToString(CultureInfo.InvariantCulture)}");
            }

            if (options.Progress is not null && row % reportEvery == 0)
            {
                options.Progress.Report(new WordVectorLoadProgress(cursor.Offset, input.Length));
            }
        }

        bool truncated = wanted < count;
        if (!truncated)
        {
            long end = cursor.Offset;
            var rest = input.Peek(end, 16);
            if (input.Length - end > 2 || rest.IndexOfAnyExcept("\r\n"u8) >= 0)
            {
                throw cursor.Error($"expected the end of the file after {count} rows as the header declares, found {input.Length - end} more bytes");
            }
        }

        options.Progress?.Report(new WordVectorLoadProgress(input.Length, input.Length));
        return WordVectorsAssembler.Assemble(keys, matrix, dimensions, options, source, row => row + 1, count, truncated, clock);
    }

    private static int IndexOfNonFinite(ReadOnlySpan<float> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
