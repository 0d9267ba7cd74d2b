using System.Buffers;
using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using NlpTransfer.Text;

namespace NlpTransfer.Encoders;

public sealed partial class OnnxBertEncoder
{
    /// <summary>
    /// Encodes <paramref name="texts"/> into <paramref name="destination"/> (texts.Count × <see cref="Dimensions"/>,
    /// row-major, row i for texts[i]). An empty list writes nothing. An empty text encodes as "[CLS] [SEP]".
    /// </summary>
    /// <exception cref="ArgumentException">destination has the wrong length, or an entry of texts is null (the message names its index).</exception>
    public void Encode(IReadOnlyList<string> texts, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var count = texts.Count;
        if (destination.Length != (long)count * Dimensions)
        {
            throw new ArgumentException(
                $"destination has {destination.Length} floats; expected {count} texts × {Dimensions} = {(long)count * Dimensions}", nameof(destination));
        }

        for (var i = 0; i < count; i++)
        {
            if (texts[i] is null)
            {
                throw new ArgumentException($"texts[{i}] is null", nameof(texts));
            }
        }

        if (count == 0)
        {
            return;
        }

        var plan = SequencePlan.Build(texts, this);
        var pooled = ArrayPool<float>.Shared.Rent(plan.Count * Dimensions);
        try
        {
            RunAll(plan, pooled);
            Combine(plan, pooled, count, destination);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(pooled);
            plan.Return();
        }
    }

    /// <summary>Encodes one text and returns its vector (a new array of <see cref="Dimensions"/> floats).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public float[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var vector = new float[Dimensions];
        Encode([text], vector);
        return vector;
    }

    /// <summary>
    /// The number of tokens the model sees for <paramref name="text"/> under the encoder's settings: word pieces plus
    /// [CLS] and [SEP], at most <see cref="MaxSequenceLength"/> with truncation; with windows, the tokens of all windows.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var total = _tokenizer.CountTokens(text) + 2;
        if (total <= MaxSequenceLength)
        {
            return total;
        }

        if (Options.LongText == LongTextStrategy.Truncate)
        {
            return MaxSequenceLength;
        }

        var width = MaxSequenceLength - 2;
        var step = width - Options.WindowOverlap;
        var windows = 1 + (total - 2 - width + step - 1) / step;
        return windows * MaxSequenceLength;
    }

    /// <summary>
    /// Runs one already tokenized sequence (with its [CLS]/[SEP]) and writes the hidden state of every token into
    /// <paramref name="destination"/>: inputIds.Length × <see cref="Dimensions"/>, row-major. For span heads
    /// (question answering), which need one state per token rather than one vector per text.
    /// </summary>
    /// <param name="inputIds">Token ids, at most <see cref="MaxSequenceLength"/> of them, each below <see cref="VocabularySize"/>.</param>
    /// <param name="tokenTypeIds">Segment ids (0 for the first text, 1 for the second), same length; ignored by models without that input.</param>
    /// <param name="destination">Receives the token states.</param>
    /// <exception cref="ArgumentException">Lengths disagree, the sequence is empty or too long, or an id is out of range.</exception>
    public void EncodeTokenStates(ReadOnlySpan<long> inputIds, ReadOnlySpan<long> tokenTypeIds, Span<float> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var length = inputIds.Length;
        if (length == 0 || length > MaxSequenceLength)
        {
            throw new ArgumentException($"inputIds has {length} tokens; expected 1..{MaxSequenceLength}", nameof(inputIds));
        }

        if (tokenTypeIds.Length != length)
        {
            throw new ArgumentException($"tokenTypeIds has {tokenTypeIds.Length} entries; expected {length}", nameof(tokenTypeIds));
        }

        if (destination.Length != length * Dimensions)
        {
            throw new ArgumentException($"destination has {destination.Length} floats; expected {length} × {Dimensions}", nameof(destination));
        }

        for (var i = 0; i < length; i++)
        {
            if ((ulong)inputIds[i] >= (ulong)VocabularySize)
            {
                throw new ArgumentException($"inputIds[{i}] is {inputIds[i]}; expected 0..{VocabularySize - 1}", nameof(inputIds));
            }
        }

        var ids = inputIds.ToArray();
        var types = tokenTypeIds.ToArray();
        var mask = new long[length];
        mask.AsSpan().Fill(1);
        var states = new float[length * Dimensions];
        Run(ids, mask, types, rows: 1, columns: length, states);
        states.CopyTo(destination);
    }

    /// <summary>
    /// Runs one window from <see cref="Tokenizer"/> (<see cref="WordPieceTokenizer.EncodeWindows"/> or
    /// <see cref="WordPieceTokenizer.EncodePair"/>) and writes the hidden state of every token: window.Length ×
    /// <see cref="Dimensions"/>, row-major; row t belongs to token t, whose span in the original text the window's
    /// CharStarts/CharLengths give.
    /// </summary>
    /// <exception cref="ArgumentException">The window is longer than <see cref="MaxSequenceLength"/> or destination has the wrong length.</exception>
    public void EncodeTokenStates(EncodedWindow window, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(window);
        EncodeTokenStates(window.InputIds.Span, window.TokenTypeIds.Span, destination);
    }

    private void RunAll(SequencePlan plan, float[] pooled)
    {
        // Fewer sequences than the workers can take at full batch size: smaller batches, so that every worker runs one.
        var workers = Options.ConcurrentBatches;
        var batchSize = Math.Max(1, Math.Min(Options.BatchSize, (plan.Count + workers - 1) / workers));

        // Batch boundaries in the length-sorted order: a batch closes at batchSize rows, or before the padded
        // tokens (rows × longest) would pass MaxBatchTokens; a single sequence always forms a batch.
        var starts = ArrayPool<int>.Shared.Rent(plan.Count + 1);
        try
        {
            var batches = 0;
            var rows = 0;
            for (var i = 0; i < plan.Count; i++)
            {
                var longest = plan.Lengths[plan.Order[i]];
                if (rows > 0 && (rows == batchSize || (long)(rows + 1) * longest > Options.MaxBatchTokens))
                {
                    rows = 0;
                }

                if (rows == 0)
                {
                    starts[batches++] = i;
                }

                rows++;
            }

            starts[batches] = plan.Count;
            if (workers == 1 || batches == 1)
            {
                for (var b = 0; b < batches; b++)
                {
                    RunBatch(plan, starts[b], starts[b + 1] - starts[b], pooled);
                }

                return;
            }

            var parallel = new ParallelOptions { MaxDegreeOfParallelism = workers };
            Parallel.For(0, batches, parallel, b => RunBatch(plan, starts[b], starts[b + 1] - starts[b], pooled));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(starts);
        }
    }

    private void RunBatch(SequencePlan plan, int first, int rows, float[] pooled)
    {
        // The order is ascending by length, so the last sequence of a batch is its longest.
        var columns = plan.Lengths[plan.Order[first + rows - 1]];
        var cells = rows * columns;
        var ids = ArrayPool<long>.Shared.Rent(cells);
        var mask = ArrayPool<long>.Shared.Rent(cells);
        var types = ArrayPool<long>.Shared.Rent(cells);
        var states = ArrayPool<float>.Shared.Rent(cells * Dimensions);
        try
        {
            var pad = _tokenizer.PadId;
            for (var r = 0; r < rows; r++)
            {
                var sequence = plan.Order[first + r];
                var length = plan.Lengths[sequence];
                var idRow = ids.AsSpan(r * columns, columns);
                var maskRow = mask.AsSpan(r * columns, columns);
                var source = plan.Tokens.AsSpan(plan.Starts[sequence], length);
                for (var t = 0; t < length; t++)
                {
                    idRow[t] = source[t];
                }

                idRow[length..].Fill(pad);
                maskRow[..length].Fill(1);
                maskRow[length..].Clear();
            }

            types.AsSpan(0, cells).Clear();
            Run(ids, mask, types, rows, columns, states);

            for (var r = 0; r < rows; r++)
            {
                var sequence = plan.Order[first + r];
                var length = plan.Lengths[sequence];
                Pooling.Pool(
                    states.AsSpan(r * columns * Dimensions, length * Dimensions), length, Dimensions, Options.Pooling,
                    pooled.AsSpan(sequence * Dimensions, Dimensions));
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ids);
            ArrayPool<long>.Shared.Return(mask);
            ArrayPool<long>.Shared.Return(types);
            ArrayPool<float>.Shared.Return(states);
        }
    }

    /// <summary>One model run over rows × columns tokens; the tensors wrap the given arrays (pinned, not copied).</summary>
    private void Run(long[] ids, long[] mask, long[] types, int rows, int columns, float[] states)
    {
        var cells = rows * columns;
        long[] shape = [rows, columns];
        var memoryInfo = OrtMemoryInfo.DefaultInstance;
        using var idsValue = OrtValue.CreateTensorValueFromMemory(memoryInfo, ids.AsMemory(0, cells), shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(memoryInfo, mask.AsMemory(0, cells), shape);
        using var typesValue = _hasTokenTypeIds ? OrtValue.CreateTensorValueFromMemory(memoryInfo, types.AsMemory(0, cells), shape) : null;
        using var statesValue = OrtValue.CreateTensorValueFromMemory(
            memoryInfo, states.AsMemory(0, cells * Dimensions), [rows, columns, Dimensions]);
        OrtValue[] inputs = _hasTokenTypeIds ? [idsValue, maskValue, typesValue!] : [idsValue, maskValue];
        _session.Run(_runOptions, _inputNames, inputs, _outputNames, [statesValue]);
    }

    private void Combine(SequencePlan plan, float[] pooled, int count, Span<float> destination)
    {
        var dimensions = Dimensions;
        if (plan.Count == count)
        {
            pooled.AsSpan(0, count * dimensions).CopyTo(destination);
        }
        else
        {
            // Several windows per text: average the window vectors of each owner (windows of one text are consecutive).
            destination.Clear();
            var windows = 0;
            for (var s = 0; s < plan.Count; s++)
            {
                var owner = plan.Owners[s];
                var row = destination.Slice(owner * dimensions, dimensions);
                TensorPrimitives.Add(row, pooled.AsSpan(s * dimensions, dimensions), row);
                windows++;
                if (s + 1 == plan.Count || plan.Owners[s + 1] != owner)
                {
                    TensorPrimitives.Divide(row, windows, row);
                    windows = 0;
                }
            }
        }

        if (Options.Normalize)
        {
            for (var i = 0; i < count; i++)
            {
                Pooling.NormalizeInPlace(destination.Slice(i * dimensions, dimensions));
            }
        }
    }
}
