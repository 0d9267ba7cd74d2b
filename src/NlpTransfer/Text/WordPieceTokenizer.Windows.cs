namespace NlpTransfer.Text;

public sealed partial class WordPieceTokenizer
{
    /// <summary>
    /// Splits a long text into windows <c>[CLS] pieces [SEP]</c> of at most <paramref name="maxLength"/> tokens that
    /// together cover every piece. Consecutive windows overlap by <paramref name="stride"/> pieces, as with Hugging
    /// Face tokenizers' <c>stride</c> and <c>return_overflowing_tokens</c>: window k holds pieces
    /// [k·(maxLength − 2 − stride), k·(maxLength − 2 − stride) + maxLength − 2). A text with no pieces gives one
    /// window <c>[CLS] [SEP]</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is less than 3, or
    /// <paramref name="stride"/> is negative or not less than maxLength − 2.</exception>
    public IReadOnlyList<EncodedWindow> EncodeWindows(string text, int maxLength, int stride)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 3);
        int capacity = maxLength - 2;
        ArgumentOutOfRangeException.ThrowIfNegative(stride);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(stride, capacity);

        using var pieces = new PieceList(text.Length / 3 + 8);
        Collect(text, int.MaxValue, pieces);
        return BuildWindows(null, pieces, capacity, stride);
    }

    /// <summary>
    /// Encodes a text pair <c>[CLS] first [SEP] second [SEP]</c> (question + context for extractive QA). The first
    /// text is kept whole in every window; the second is split into windows overlapping by <paramref name="stride"/>
    /// pieces (Hugging Face's <c>truncation="only_second"</c> with <c>stride</c>). Token type ids are 0 up to and
    /// including the first [SEP], 1 after it; offsets of second-text pieces index into <paramref name="second"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException">A text is null.</exception>
    /// <exception cref="ArgumentException">The first text leaves no room for the second: its pieces + 4 exceed maxLength.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stride"/> is negative or not less than the
    /// second-text pieces that fit in one window.</exception>
    public IReadOnlyList<EncodedWindow> EncodePair(string first, string second, int maxLength, int stride)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentOutOfRangeException.ThrowIfNegative(stride);

        using var question = new PieceList(first.Length / 3 + 8);
        Collect(first, int.MaxValue, question);
        int capacity = maxLength - question.Count - 3;
        if (capacity < 1)
        {
            throw new ArgumentException(
                $"The first text has {question.Count} pieces; with maxLength {maxLength} no piece of the second text fits (needs maxLength >= {question.Count + 4}).",
                nameof(maxLength));
        }

        if (stride >= capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(stride), stride,
                $"stride must be less than the {capacity} second-text pieces that fit in one window beside the first text.");
        }

        using var context = new PieceList(second.Length / 3 + 8);
        Collect(second, int.MaxValue, context);
        return BuildWindows(question, context, capacity, stride);
    }

    private List<EncodedWindow> BuildWindows(PieceList? first, PieceList windowed, int capacity, int stride)
    {
        int prefix = first is null ? 1 : first.Count + 2;
        var windows = new List<EncodedWindow>(windowed.Count / (capacity - stride) + 1);
        for (int begin = 0; ; begin += capacity - stride)
        {
            int take = Math.Min(capacity, windowed.Count - begin);
            int length = prefix + take + 1;
            var ids = new long[length];
            var typeIds = new long[length];
            var starts = new int[length];
            var lengths = new int[length];
            var sequenceIds = new int[length];

            SetSpecial(0, ClsId);
            if (first is not null)
            {
                Copy(first, 0, first.Count, 1, sequence: 0);
                SetSpecial(first.Count + 1, SepId);
            }

            int segment = first is null ? 0 : 1;
            Copy(windowed, begin, take, prefix, segment);
            SetSpecial(length - 1, SepId);
            if (first is not null)
            {
                typeIds.AsSpan(prefix).Fill(1L);
            }

            windows.Add(new EncodedWindow(ids, typeIds, starts, lengths, sequenceIds, begin, prefix, take));
            if (begin + take >= windowed.Count)
            {
                return windows;
            }

            void SetSpecial(int at, int id)
            {
                ids[at] = id;
                starts[at] = -1;
                lengths[at] = 0;
                sequenceIds[at] = -1;
            }

            void Copy(PieceList source, int from, int count, int at, int sequence)
            {
                ReadOnlySpan<int> sourceIds = source.Ids, sourceStarts = source.Starts, sourceLengths = source.Lengths;
                for (int i = 0; i < count; i++)
                {
                    ids[at + i] = sourceIds[from + i];
                    starts[at + i] = sourceStarts[from + i];
                    lengths[at + i] = sourceLengths[from + i];
                    sequenceIds[at + i] = sequence;
                }
            }
        }
    }
}
