using System.Diagnostics;
using System.Text;

namespace NlpTransfer.Embeddings;

/// <summary>
/// Reads fastText .bin models: version 12 (magic 0x2F4F16BA) and the older layout without magic, version, pruned-index
/// size and quantisation flags. Only the input matrix is read; the output matrix is checked for size and skipped.
/// </summary>
/// <remarks>
/// Layout (fastText FastText::saveModel): [magic int32, version int32] args (12 × int32, then t as float64),
/// dictionary (size, nwords, nlabels int32; ntokens int64; [pruneidx_size int64]; per entry: NUL-terminated bytes,
/// count int64, type int8; [pruneidx pairs]), [quant_input bool], input matrix (rows int64, cols int64, float32
/// values), [qout bool], output matrix.
/// </remarks>
internal static class FastTextBinaryReader
{
    private const int CurrentVersion = 12;
    private static readonly string[] Losses = ["", "hs", "ns", "softmax", "ova"];
    private static readonly string[] Models = ["", "cbow", "sg", "sup"];

    public static WordVectors Read(InputBuffer input, WordVectorLoadOptions options, WordVectorsSource source)
    {
        var clock = Stopwatch.StartNew();
        if (input.Length == 0)
        {
            throw new InvalidDataException($"{input.Name}: the file is empty, expected word vectors");
        }

        var cursor = new BinaryCursor(input, 0);
        var info = ReadHeader(ref cursor, out long pruneIndexSize);
        int dimensions = info.Dimensions;

        // The dictionary: every entry's bytes up to a NUL, then its count and type. Words come before labels.
        var words = new string[info.WordCount];
        var wordBytes = new byte[256];
        for (int id = 0; id < info.DictionarySize; id++)
        {
            long start = cursor.Offset;
            var rest = input.Peek(start, int.MaxValue);
            int nul = rest.IndexOf((byte)0);
            if (nul < 0)
            {
                throw cursor.Error($"expected dictionary entry {id + 1} of {info.DictionarySize} ending in a NUL byte, found the end of the file");
            }

            var bytes = rest[..nul];
            cursor.Offset += nul + 1;
            cursor.ReadInt64("the count of a dictionary entry");
            byte type = cursor.ReadByte("the type of a dictionary entry");
            if (id < info.WordCount)
            {
                if (type != 0)
                {
                    throw cursor.Error(start, $"expected word {id + 1} of {info.WordCount} (type 0), found an entry of type {type}");
                }

                // fastText words are raw bytes; invalid UTF-8 (rare, from broken corpora) becomes U+FFFD as gensim's
                // decoders do, and any key that then repeats is dropped and reported as a duplicate.
                words[id] = Encoding.UTF8.GetString(bytes);
            }
        }

        if (pruneIndexSize > 0)
        {
            cursor.Require(pruneIndexSize * 8, $"{pruneIndexSize} pruned-index pairs");
            cursor.Offset += pruneIndexSize * 8;
        }

        if (info.Version is not null && cursor.ReadByte("the quantisation flag of the input matrix") != 0)
        {
            throw new NotSupportedException(
                $"{input.Name}: quantised fastText models (.ftz, 'fasttext quantize') are not supported; use the unquantised .bin");
        }

        long rowsAt = cursor.Offset;
        long rows = cursor.ReadInt64("the row count of the input matrix");
        long columns = cursor.ReadInt64("the column count of the input matrix");
        long expectedRows = (long)info.WordCount + info.Buckets;
        if (rows != expectedRows || columns != dimensions)
        {
            throw cursor.Error(rowsAt,
                $"expected an input matrix of {expectedRows} × {dimensions} (words + buckets × dim), found {rows} × {columns}");
        }

        if (rows * columns > Array.MaxLength)
        {
            throw cursor.Error(rowsAt, $"expected at most {Array.MaxLength} values in the input matrix, found {rows * columns}");
        }

        cursor.Require(rows * columns * sizeof(float), $"the {rows} × {columns} input matrix");
        var matrix = GC.AllocateUninitializedArray<float>((int)(rows * columns));
        cursor.ReadFloats(matrix, "the input matrix");
        options.Progress?.Report(new WordVectorLoadProgress(cursor.Offset, input.Length));
        SkipOutputMatrix(ref cursor, info);

        int keep = (int)Math.Min(info.WordCount, options.MaxWords ?? long.MaxValue);
        var keys = words.AsSpan(0, keep).ToArray();
        var vectors = GC.AllocateUninitializedArray<float>(keep * dimensions);

        // A word repeated in the dictionary (only possible through U+FFFD replacement) keeps its first id.
        var dictionary = KeyIndex.Build(words, [])!;

        // Every dictionary word stays known to the subword model, also those that are not keys as written (cut by
        // MaxWords, renamed by lower-casing): their vectors are built from their own row as the CLI does.
        var subwords = new FastTextSubwords(matrix, dimensions, info.WordCount, info.Buckets, info.MinN, info.MaxN, dictionary, options.Normalize);
        Parallel.For(0, keep, () => new List<int>(), (id, _, scratch) =>
        {
            subwords.BuildDictionaryVector(words[id], id, vectors.AsSpan(id * dimensions, dimensions), scratch);
            return scratch;
        }, _ => { });

        return WordVectorsAssembler.Assemble(
            keys, vectors, dimensions, options, source with { FastText = info }, row => row + 1, declared: info.WordCount,
            truncated: keep < info.WordCount, clock, subwords);
    }

    private static FastTextModelInfo ReadHeader(ref BinaryCursor cursor, out long pruneIndexSize)
    {
        int? version = null;
        if (cursor.Remaining >= 4 && cursor.Input.Peek(0, 4).SequenceEqual(BitConverter.GetBytes(WordVectorFormatDetector.FastTextMagic)))
        {
            cursor.Offset = 4;
            int v = cursor.ReadInt32("the format version");
            if (v > CurrentVersion || v < 11)
            {
                throw cursor.Error(4, $"expected fastText format version 11 or 12, found {v}");
            }

            version = v;
        }

        long argsAt = cursor.Offset;
        int dim = cursor.ReadInt32("the model arguments (dim)");
        int ws = cursor.ReadInt32("the model arguments (ws)");
        int epoch = cursor.ReadInt32("the model arguments (epoch)");
        int minCount = cursor.ReadInt32("the model arguments (minCount)");
        int neg = cursor.ReadInt32("the model arguments (neg)");
        int wordNgrams = cursor.ReadInt32("the model arguments (wordNgrams)");
        int loss = cursor.ReadInt32("the model arguments (loss)");
        int model = cursor.ReadInt32("the model arguments (model)");
        int bucket = cursor.ReadInt32("the model arguments (bucket)");
        int minn = cursor.ReadInt32("the model arguments (minn)");
        int maxn = cursor.ReadInt32("the model arguments (maxn)");
        int lrUpdateRate = cursor.ReadInt32("the model arguments (lrUpdateRate)");
        double t = cursor.ReadDouble("the model arguments (t)");
        if (dim <= 0 || bucket < 0 || minn < 0 || maxn < 0 || loss is < 1 or > 4 || model is < 1 or > 3)
        {
            throw cursor.Error(argsAt,
                $"expected fastText arguments (dim > 0, bucket, minn, maxn ≥ 0, loss 1-4, model 1-3), found dim {dim}, bucket {bucket}, minn {minn}, maxn {maxn}, loss {loss}, model {model}");
        }

        // fastText 0.9 loads version-11 supervised models with maxn = 0 (FastText::loadModel).
        if (version == 11 && model == 3)
        {
            maxn = 0;
        }

        long dictionaryAt = cursor.Offset;
        int size = cursor.ReadInt32("the dictionary size");
        int nwords = cursor.ReadInt32("the dictionary word count");
        int nlabels = cursor.ReadInt32("the dictionary label count");
        long ntokens = cursor.ReadInt64("the dictionary token count");
        pruneIndexSize = version is null ? -1 : cursor.ReadInt64("the pruned-index size");

        // Every entry takes at least 10 bytes (a NUL, a count and a type): refuse absurd sizes before allocating.
        if (size < 0 || nwords < 0 || nlabels < 0 || nwords + (long)nlabels != size || size > cursor.Remaining / 10)
        {
            throw cursor.Error(dictionaryAt,
                $"expected a dictionary of words + labels entries that fits the remaining {cursor.Remaining} bytes, found size {size}, words {nwords}, labels {nlabels}");
        }

        return new FastTextModelInfo
        {
            Version = version,
            Dimensions = dim,
            Window = ws,
            Epochs = epoch,
            MinCount = minCount,
            Negatives = neg,
            WordNgrams = wordNgrams,
            Loss = Losses[loss],
            Model = Models[model],
            Buckets = bucket,
            MinN = minn,
            MaxN = maxn,
            LearningRateUpdateRate = lrUpdateRate,
            SamplingThreshold = t,
            DictionarySize = size,
            WordCount = nwords,
            LabelCount = nlabels,
            TokenCount = ntokens,
        };
    }

    private static void SkipOutputMatrix(ref BinaryCursor cursor, FastTextModelInfo info)
    {
        if (info.Version is not null)
        {
            cursor.ReadByte("the quantisation flag of the output matrix");
        }

        long at = cursor.Offset;
        long rows = cursor.ReadInt64("the row count of the output matrix");
        long columns = cursor.ReadInt64("the column count of the output matrix");
        if (rows < 0 || columns != info.Dimensions)
        {
            throw cursor.Error(at, $"expected an output matrix of {info.Dimensions} columns, found {rows} × {columns}");
        }

        cursor.Require(rows * columns * sizeof(float), $"the {rows} × {columns} output matrix");
    }
}
