using System.Buffers;
using NlpTransfer.Text;

namespace NlpTransfer.Encoders;

public sealed partial class OnnxBertEncoder
{
    /// <summary>
    /// The tokenized sequences of one Encode call: all ids in one pooled array, each sequence's start, length and
    /// owning text, and the sequence indices sorted by length (the batching order). Arrays are rented; call <see cref="Return"/>.
    /// </summary>
    private sealed class SequencePlan
    {
        private SequencePlan(int[] tokens, int[] starts, int[] lengths, int[] owners, int[] order, int count)
        {
            Tokens = tokens;
            Starts = starts;
            Lengths = lengths;
            Owners = owners;
            Order = order;
            Count = count;
        }

        public int[] Tokens { get; private set; }

        public int[] Starts { get; }

        public int[] Lengths { get; }

        public int[] Owners { get; }

        public int[] Order { get; }

        public int Count { get; }

        public static SequencePlan Build(IReadOnlyList<string> texts, OnnxBertEncoder encoder)
        {
            var builder = new Builder(texts.Count, encoder.MaxSequenceLength);
            var tokenizer = encoder._tokenizer;
            var maxLength = encoder.MaxSequenceLength;
            var windows = encoder.Options.LongText == LongTextStrategy.AverageWindows;
            var scratch = ArrayPool<long>.Shared.Rent(3 * maxLength);
            try
            {
                for (var i = 0; i < texts.Count; i++)
                {
                    var text = texts[i];
                    var pieces = windows ? tokenizer.CountTokens(text) : 0;
                    if (pieces + 2 <= maxLength)
                    {
                        var span = scratch.AsSpan();
                        var written = tokenizer.Encode(
                            text, maxLength, span[..maxLength], span.Slice(maxLength, maxLength), span.Slice(2 * maxLength, maxLength));
                        builder.Add(span[..written], i);
                    }
                    else
                    {
                        AddWindows(builder, tokenizer, text, pieces, maxLength, encoder.Options.WindowOverlap, i);
                    }
                }
            }
            finally
            {
                ArrayPool<long>.Shared.Return(scratch);
            }

            return builder.Finish();
        }

        public void Return()
        {
            ArrayPool<int>.Shared.Return(Tokens);
            ArrayPool<int>.Shared.Return(Starts);
            ArrayPool<int>.Shared.Return(Lengths);
            ArrayPool<int>.Shared.Return(Owners);
            ArrayPool<int>.Shared.Return(Order);
            Tokens = [];
        }

        /// <summary>Windows of maxLength − 2 word pieces advancing by (that − overlap); the last window ends at the text's end.</summary>
        private static void AddWindows(Builder builder, WordPieceTokenizer tokenizer, string text, int pieces, int maxLength, int overlap, int owner)
        {
            var total = pieces + 2;
            var buffer = ArrayPool<long>.Shared.Rent(3 * total);
            var window = ArrayPool<long>.Shared.Rent(maxLength);
            try
            {
                var span = buffer.AsSpan();
                var written = tokenizer.Encode(text, total, span[..total], span.Slice(total, total), span.Slice(2 * total, total));
                var content = span.Slice(1, written - 2);
                var width = maxLength - 2;
                var step = width - overlap;
                for (var start = 0; ; start += step)
                {
                    var begin = Math.Min(start, content.Length - width);
                    window[0] = tokenizer.ClsId;
                    content.Slice(begin, width).CopyTo(window.AsSpan(1, width));
                    window[maxLength - 1] = tokenizer.SepId;
                    builder.Add(window.AsSpan(0, maxLength), owner);
                    if (begin + width >= content.Length)
                    {
                        break;
                    }
                }
            }
            finally
            {
                ArrayPool<long>.Shared.Return(buffer);
                ArrayPool<long>.Shared.Return(window);
            }
        }

        private sealed class Builder(int texts, int maxLength)
        {
            private int[] _tokens = ArrayPool<int>.Shared.Rent(Math.Max(16, texts * Math.Min(maxLength, 32)));
            private int[] _starts = ArrayPool<int>.Shared.Rent(texts);
            private int[] _lengths = ArrayPool<int>.Shared.Rent(texts);
            private int[] _owners = ArrayPool<int>.Shared.Rent(texts);
            private int _used;
            private int _count;

            public void Add(ReadOnlySpan<long> ids, int owner)
            {
                if (_used + ids.Length > _tokens.Length)
                {
                    Grow(ref _tokens, Math.Max(_tokens.Length * 2, _used + ids.Length));
                }

                if (_count == _starts.Length)
                {
                    Grow(ref _starts, _count * 2);
                    Grow(ref _lengths, _count * 2);
                    Grow(ref _owners, _count * 2);
                }

                var destination = _tokens.AsSpan(_used, ids.Length);
                for (var t = 0; t < ids.Length; t++)
                {
                    destination[t] = (int)ids[t];
                }

                _starts[_count] = _used;
                _lengths[_count] = ids.Length;
                _owners[_count] = owner;
                _used += ids.Length;
                _count++;
            }

            public SequencePlan Finish()
            {
                var order = ArrayPool<int>.Shared.Rent(_count);
                var keys = ArrayPool<int>.Shared.Rent(_count);
                try
                {
                    for (var s = 0; s < _count; s++)
                    {
                        order[s] = s;
                        keys[s] = _lengths[s];
                    }

                    Array.Sort(keys, order, 0, _count);
                }
                finally
                {
                    ArrayPool<int>.Shared.Return(keys);
                }

                return new SequencePlan(_tokens, _starts, _lengths, _owners, order, _count);
            }

            private static void Grow(ref int[] array, int size)
            {
                var larger = ArrayPool<int>.Shared.Rent(size);
                array.AsSpan().CopyTo(larger);
                ArrayPool<int>.Shared.Return(array);
                array = larger;
            }
        }
    }
}
