using System.Buffers;
using System.Numerics.Tensors;
using System.Text;

namespace NlpTransfer.Embeddings;

/// <summary>
/// The subword part of a fastText model: character n-gram buckets whose rows are averaged with the word's own row
/// to give vectors for any word, known or not. Immutable; every member is thread-safe.
/// </summary>
/// <remarks>
/// As in fastText (Bojanowski et al. 2017, "Enriching Word Vectors with Subword Information"): a word w is wrapped as
/// "&lt;w&gt;" and split into character n-grams of <see cref="MinN"/> to <see cref="MaxN"/> characters, where a
/// character is a UTF-8 lead byte with its continuation bytes and the one-character n-grams "&lt;" and "&gt;" are
/// skipped. Each n-gram is hashed with 32-bit FNV-1a over its UTF-8 bytes, each byte sign-extended to 32 bits first
/// (as fastText's C++ does with <c>int8_t</c>), and mapped to input row <c>words + hash % buckets</c>. A vector is
/// the float32 sum of its rows in that order times float32(1 / rows). A dictionary word uses its own row then its
/// n-grams; the end-of-sentence token "&lt;/s&gt;" uses only its own row; an unknown word uses its n-grams only, and
/// an unknown "&lt;/s&gt;" or a word without n-grams has no vector. No case folding or Unicode normalisation.
/// </remarks>
public sealed class FastTextSubwords
{
    /// <summary>The end-of-sentence token of fastText dictionaries.</summary>
    public const string EndOfSentence = "</s>";

    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    private readonly float[] _input;
    private readonly KeyIndex _dictionaryWords;
    private readonly bool _normalize;

    /// <param name="input">The input matrix: (words + buckets) rows of <paramref name="dimensions"/>, row-major.</param>
    /// <param name="dimensions">Values per row.</param>
    /// <param name="wordCount">Dictionary words (rows before the buckets).</param>
    /// <param name="bucketCount">n-gram buckets.</param>
    /// <param name="minN">Shortest n-gram, in characters.</param>
    /// <param name="maxN">Longest n-gram, in characters; 0 turns n-grams off.</param>
    /// <param name="dictionaryWords">Every dictionary word (as in the file) → its dictionary id.</param>
    /// <param name="normalize">Scale built vectors to unit length, as the owning vectors' rows are.</param>
    internal FastTextSubwords(
        float[] input, int dimensions, int wordCount, int bucketCount, int minN, int maxN,
        KeyIndex dictionaryWords, bool normalize)
    {
        _input = input;
        Dimensions = dimensions;
        WordCount = wordCount;
        BucketCount = bucketCount;
        MinN = minN;
        MaxN = maxN;
        _dictionaryWords = dictionaryWords;
        _normalize = normalize;
    }

    /// <summary>Shortest character n-gram.</summary>
    public int MinN { get; }

    /// <summary>Longest character n-gram; 0 when the model has no n-grams.</summary>
    public int MaxN { get; }

    /// <summary>Number of n-gram hash buckets (rows after the words in the input matrix).</summary>
    public int BucketCount { get; }

    /// <summary>Number of dictionary words of the model (rows before the buckets).</summary>
    public int WordCount { get; }

    /// <summary>Values per vector.</summary>
    public int Dimensions { get; }

    /// <summary>Whether a vector can be built for <paramref name="word"/>: it is a dictionary word, or it has at least one n-gram.</summary>
    public bool CanBuild(ReadOnlySpan<char> word)
    {
        if (DictionaryId(word) >= 0)
        {
            return true;
        }

        if (word.SequenceEqual(EndOfSentence))
        {
            return false;
        }

        var rows = new List<int>();
        AddNgramRows(word, rows);
        return rows.Count > 0;
    }

    /// <summary>
    /// The input-matrix rows whose average is the vector of <paramref name="word"/>, in summation order: its own row
    /// first when it is a dictionary word, then its n-gram rows (words + hash % buckets). Empty when no vector exists.
    /// </summary>
    public int[] GetSubwordRows(ReadOnlySpan<char> word)
    {
        var rows = new List<int>();
        CollectRows(word, DictionaryId(word), rows);
        return [.. rows];
    }

    /// <summary>
    /// Builds the vector of a word that is not a key of the owning vectors into <paramref name="destination"/>.
    /// </summary>
    /// <returns>False (and a zero vector) when the word has no vector: an unknown "&lt;/s&gt;", or no n-grams.</returns>
    internal bool BuildVector(ReadOnlySpan<char> word, Span<float> destination)
    {
        var rows = new List<int>();
        CollectRows(word, DictionaryId(word), rows);
        return Average(rows, destination);
    }

    /// <summary>The vector of dictionary word <paramref name="id"/> exactly as fastText's getWordVector makes it (not normalised).</summary>
    internal void BuildDictionaryVector(string word, int id, Span<float> destination, List<int> scratch)
    {
        scratch.Clear();
        CollectRows(word, id, scratch);
        AverageRaw(scratch, destination);
    }

    private int DictionaryId(ReadOnlySpan<char> word) => _dictionaryWords.IndexOf(word);

    private void CollectRows(ReadOnlySpan<char> word, int id, List<int> rows)
    {
        if (id >= 0)
        {
            rows.Add(id);
            if (word.SequenceEqual(EndOfSentence))
            {
                return;
            }
        }
        else if (word.SequenceEqual(EndOfSentence))
        {
            return;
        }

        AddNgramRows(word, rows);
    }

    private bool Average(List<int> rows, Span<float> destination)
    {
        if (rows.Count == 0)
        {
            destination.Clear();
            return false;
        }

        AverageRaw(rows, destination);
        if (_normalize)
        {
            float norm = TensorPrimitives.Norm(destination);
            if (norm > 0)
            {
                TensorPrimitives.Divide(destination, norm, destination);
            }
        }

        return true;
    }

    // float32 sum in fastText's order, then times float32(1/n): fastText's Vector::addRow and Vector::mul.
    private void AverageRaw(List<int> rows, Span<float> destination)
    {
        destination.Clear();
        foreach (int row in rows)
        {
            TensorPrimitives.Add(destination, _input.AsSpan(row * Dimensions, Dimensions), destination);
        }

        if (rows.Count > 0)
        {
            TensorPrimitives.Multiply(destination, (float)(1.0 / rows.Count), destination);
        }
    }

    /// <summary>fastText's Dictionary::computeSubwords over "&lt;word&gt;", with the FNV-1a hash carried along each n-gram's prefix.</summary>
    private void AddNgramRows(ReadOnlySpan<char> text, List<int> rows)
    {
        if (MaxN <= 0 || BucketCount <= 0)
        {
            return;
        }

        int max = Encoding.UTF8.GetMaxByteCount(text.Length) + 2;
        byte[]? rented = max > 512 ? ArrayPool<byte>.Shared.Rent(max) : null;
        try
        {
            Span<byte> buffer = rented ?? stackalloc byte[512];
            buffer[0] = (byte)'<';
            int length = Encoding.UTF8.GetBytes(text, buffer[1..]);
            buffer[length + 1] = (byte)'>';
            ReadOnlySpan<byte> word = buffer[..(length + 2)];
            for (int i = 0; i < word.Length; i++)
            {
                if ((word[i] & 0xC0) == 0x80)
                {
                    continue;
                }

                uint hash = FnvOffset;
                int j = i;
                for (int n = 1; j < word.Length && n <= MaxN; n++)
                {
                    hash = (hash ^ (uint)(sbyte)word[j++]) * FnvPrime;
                    while (j < word.Length && (word[j] & 0xC0) == 0x80)
                    {
                        hash = (hash ^ (uint)(sbyte)word[j++]) * FnvPrime;
                    }

                    if (n >= MinN && !(n == 1 && (i == 0 || j == word.Length)))
                    {
                        rows.Add(WordCount + (int)(hash % (uint)BucketCount));
                    }
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
