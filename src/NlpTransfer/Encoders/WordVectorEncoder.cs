using System.Buffers;
using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using NlpTransfer.Embeddings;

namespace NlpTransfer.Encoders;

/// <summary>
/// Encodes a text as the (optionally SIF-weighted) mean of its word vectors: v(s) = Σ_w α_w·v_w / n, over the
/// words w of s that have a vector (n of them), α_w = 1 for the plain mean or a / (a + p(w)) for SIF (Arora, Liang
/// and Ma 2017). Optionally the common component is removed afterwards: v(s) ← v(s) − u·(uᵀv(s)), u the first
/// right singular vector of a corpus's text vectors (ibid., Algorithm 1). A text with no known word gives the zero
/// vector, and <see cref="Encode(ReadOnlySpan{char}, Span{float})"/> reports it.
/// </summary>
/// <remarks>Immutable; <see cref="Encode(IReadOnlyList{string}, Span{float})"/> is thread-safe. Holds a reference to the
/// <see cref="WordVectors"/> it was created over: they must outlive it.</remarks>
public sealed class WordVectorEncoder : IDocumentEncoder
{
    private readonly WordVectors _vectors;
    private readonly float[]? _weights;
    private readonly float[]? _commonComponent;
    private readonly double _frequencyTotal;

    private WordVectorEncoder(WordVectors vectors, WordVectorEncoderOptions options, float[]? weights, float[]? commonComponent,
        string vectorsHash, string? frequenciesHash)
    {
        _vectors = vectors;
        Options = options;
        _weights = weights;
        _commonComponent = commonComponent;
        VectorsHash = vectorsHash;
        FrequenciesHash = frequenciesHash;
        _frequencyTotal = options.WordFrequencies is null ? 1 : TotalCount(options.WordFrequencies);
        Identity = BuildIdentity();
    }

    /// <summary>The word vectors looked up.</summary>
    public WordVectors Vectors => _vectors;

    /// <summary>The options it was created with.</summary>
    public WordVectorEncoderOptions Options { get; }

    /// <inheritdoc />
    public int Dimensions => _vectors.Dimensions;

    /// <summary>
    /// "word-vector-mean/…@sha256:…": tokenization, casing, OOV policy, weighting (with the frequency list's hash),
    /// common component (its hash) and the SHA-256 of the vectors' keys and values (so the same vectors read from
    /// another path or format have the same identity).
    /// </summary>
    public string Identity { get; }

    /// <summary>Whether a common component is removed from every vector.</summary>
    public bool RemovesCommonComponent => _commonComponent is not null;

    private string VectorsHash { get; }

    private string? FrequenciesHash { get; }

    /// <summary>Creates an encoder over <paramref name="vectors"/>.</summary>
    /// <exception cref="ArgumentException">SIF weighting without word frequencies, or a non-positive SIF constant.</exception>
    public static WordVectorEncoder Create(WordVectors vectors, WordVectorEncoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        options ??= new WordVectorEncoderOptions();
        float[]? weights = null;
        string? frequenciesHash = null;
        if (options.Weighting == WordVectorEncoderWeighting.Sif)
        {
            if (options.WordFrequencies is null || options.WordFrequencies.Count == 0)
            {
                throw new ArgumentException("SIF weighting needs WordFrequencies (word counts); none were given.", nameof(options));
            }

            if (!(options.SifA > 0) || !double.IsFinite(options.SifA))
            {
                throw new ArgumentException($"The SIF constant a must be positive, found {options.SifA}.", nameof(options));
            }

            (weights, frequenciesHash) = SifWeights(vectors, options);
        }

        return new WordVectorEncoder(vectors, options, weights, null, HashVectors(vectors), frequenciesHash);
    }

    /// <summary>
    /// Reads word counts for SIF weighting: one <c>word count</c> per line (space or tab separated; gensim, fastText
    /// and word2vec vocabulary dumps all use this layout). Blank lines are skipped.
    /// </summary>
    /// <exception cref="InvalidDataException">A line is not "word count" with a non-negative integer count; the message names file and line.</exception>
    public static IReadOnlyDictionary<string, long> ReadFrequencies(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        int number = 0;
        foreach (string line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            int cut = line.LastIndexOfAny([' ', '\t']);
            if (cut <= 0 || !long.TryParse(line.AsSpan(cut + 1), NumberStyles.None, CultureInfo.InvariantCulture, out long count))
            {
                throw new InvalidDataException($"{path}:{number}: expected 'word count', found '{Truncate(line)}'");
            }

            string word = line[..cut].Trim();
            counts[word] = counts.GetValueOrDefault(word) + count;
        }

        return counts;
    }

    /// <summary>The words <paramref name="text"/> is split into (after lower-casing when the options say so).</summary>
    public IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        char[] buffer = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
        try
        {
            ReadOnlySpan<char> normalized = Normalize(text, buffer);
            int position = 0;
            while (NextWord(normalized, ref position, out int start, out int length))
            {
                words.Add(normalized.Slice(start, length).ToString());
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        return words;
    }

    /// <inheritdoc />
    public void Encode(IReadOnlyList<string> texts, Span<float> destination) => Encode(texts, destination, default);

    /// <summary>
    /// Encodes <paramref name="texts"/> into <paramref name="destination"/> (texts.Count × Dimensions) and, when
    /// <paramref name="allOutOfVocabulary"/> is not empty (length texts.Count), flags the texts that had no known word
    /// (their rows are zero).
    /// </summary>
    /// <exception cref="ArgumentException">A length is wrong or an entry of texts is null.</exception>
    public void Encode(IReadOnlyList<string> texts, Span<float> destination, Span<bool> allOutOfVocabulary)
    {
        ArgumentNullException.ThrowIfNull(texts);
        int d = Dimensions;
        if (destination.Length != (long)texts.Count * d)
        {
            throw new ArgumentException($"Expected a destination of {texts.Count} × {d} = {(long)texts.Count * d} values, found {destination.Length}.", nameof(destination));
        }

        if (!allOutOfVocabulary.IsEmpty && allOutOfVocabulary.Length != texts.Count)
        {
            throw new ArgumentException($"Expected {texts.Count} flags, found {allOutOfVocabulary.Length}.", nameof(allOutOfVocabulary));
        }

        for (int i = 0; i < texts.Count; i++)
        {
            string text = texts[i] ?? throw new ArgumentException($"Text {i} is null.", nameof(texts));
            WordVectorEncoderCoverage coverage = Encode(text, destination.Slice(i * d, d));
            if (!allOutOfVocabulary.IsEmpty)
            {
                allOutOfVocabulary[i] = coverage.IsAllOutOfVocabulary;
            }
        }
    }

    /// <summary>Encodes one text into <paramref name="destination"/> (length Dimensions) and says how many of its words were known.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public WordVectorEncoderCoverage Encode(ReadOnlySpan<char> text, Span<float> destination)
    {
        int d = Dimensions;
        if (destination.Length != d)
        {
            throw new ArgumentException($"Expected a destination of {d} values, found {destination.Length}.", nameof(destination));
        }

        destination.Clear();
        char[] buffer = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
        float[]? scratch = null;
        int words = 0;
        int known = 0;
        try
        {
            ReadOnlySpan<char> normalized = Normalize(text, buffer);
            ReadOnlySpan<float> matrix = _vectors.Matrix;
            int position = 0;
            while (NextWord(normalized, ref position, out int start, out int length))
            {
                words++;
                ReadOnlySpan<char> word = normalized.Slice(start, length);
                int row = _vectors.IndexOf(word);
                ReadOnlySpan<float> vector;
                if (row >= 0 && _vectors.Subwords is null)
                {
                    vector = matrix.Slice(row * d, d);
                }
                else if (Options.OovPolicy == WordVectorEncoderOovPolicy.Subwords || (row >= 0 && _vectors.Subwords is not null))
                {
                    scratch ??= ArrayPool<float>.Shared.Rent(d);
                    if (!_vectors.TryGetOrBuildVector(word, scratch.AsSpan(0, d)))
                    {
                        continue;
                    }

                    vector = scratch.AsSpan(0, d);
                }
                else
                {
                    continue;
                }

                known++;
                float weight = _weights is null ? 1f : row >= 0 ? _weights[row] : (float)SifWeight(word, Options, _frequencyTotal);
                if (weight == 1f)
                {
                    TensorPrimitives.Add(destination, vector, destination);
                }
                else
                {
                    TensorPrimitives.MultiplyAdd(vector, weight, destination, destination);
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
            if (scratch is not null)
            {
                ArrayPool<float>.Shared.Return(scratch);
            }
        }

        int divisor = Options.OovPolicy == WordVectorEncoderOovPolicy.Zero ? words : known;
        if (known > 0)
        {
            TensorPrimitives.Divide(destination, divisor, destination);
            if (_commonComponent is not null)
            {
                float projection = TensorPrimitives.Dot(_commonComponent, destination);
                TensorPrimitives.MultiplyAdd(_commonComponent, -projection, destination, destination);
            }
        }

        return new WordVectorEncoderCoverage(words, known);
    }

    /// <summary>
    /// A copy of this encoder that removes the common component of <paramref name="corpus"/>: u, the first right
    /// singular vector of the matrix of the corpus's text vectors (found by power iteration on XᵀX), is subtracted
    /// from every vector as v ← v − u·(uᵀv) (Arora et al. 2017, Algorithm 1, line 5).
    /// </summary>
    /// <exception cref="ArgumentException">The corpus gives no non-zero text vector.</exception>
    public WordVectorEncoder WithCommonComponentRemoved(IReadOnlyList<string> corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        int d = Dimensions;
        var gram = new double[d * d];
        var row = new float[d];
        var uncorrected = new WordVectorEncoder(_vectors, Options, _weights, null, VectorsHash, FrequenciesHash);
        int used = 0;
        foreach (string text in corpus)
        {
            if (uncorrected.Encode(text, row).IsAllOutOfVocabulary)
            {
                continue;
            }

            used++;
            for (int i = 0; i < d; i++)
            {
                double ri = row[i];
                for (int j = 0; j < d; j++)
                {
                    gram[i * d + j] += ri * row[j];
                }
            }
        }

        if (used == 0)
        {
            throw new ArgumentException("No text of the corpus has a known word; the common component cannot be estimated.", nameof(corpus));
        }

        var u = new double[d];
        var next = new double[d];
        for (int i = 0; i < d; i++)
        {
            u[i] = 1.0 / Math.Sqrt(d) * (1 + 0.01 * i);
        }

        for (int iteration = 0; iteration < 500; iteration++)
        {
            double norm = 0;
            for (int i = 0; i < d; i++)
            {
                double sum = 0;
                for (int j = 0; j < d; j++)
                {
                    sum += gram[i * d + j] * u[j];
                }

                next[i] = sum;
                norm += sum * sum;
            }

            norm = Math.Sqrt(norm);
            double change = 0;
            for (int i = 0; i < d; i++)
            {
                double value = next[i] / norm;
                change = Math.Max(change, Math.Abs(value - u[i]));
                u[i] = value;
            }

            if (change < 1e-10)
            {
                break;
            }
        }

        var component = new float[d];
        for (int i = 0; i < d; i++)
        {
            component[i] = (float)u[i];
        }

        return new WordVectorEncoder(_vectors, Options, _weights, component, VectorsHash, FrequenciesHash);
    }

    private ReadOnlySpan<char> Normalize(ReadOnlySpan<char> text, char[] buffer)
    {
        if (!Options.Lowercase)
        {
            return text;
        }

        int written = text.ToLowerInvariant(buffer);
        return buffer.AsSpan(0, written);
    }

    private bool NextWord(ReadOnlySpan<char> text, ref int position, out int start, out int length)
    {
        bool letters = Options.Tokenization == WordVectorEncoderTokenization.LetterRuns;
        start = position;
        while (start < text.Length && !IsWordCharAt(text, start, letters, out _))
        {
            start += Rune.DecodeFromUtf16(text[start..], out _, out int skipped) == System.Buffers.OperationStatus.Done ? skipped : 1;
        }

        int end = start;
        while (end < text.Length && IsWordCharAt(text, end, letters, out int width))
        {
            end += width;
        }

        position = end;
        length = end - start;
        return length > 0;
    }

    private static bool IsWordCharAt(ReadOnlySpan<char> text, int index, bool letters, out int width)
    {
        if (Rune.DecodeFromUtf16(text[index..], out Rune rune, out width) != System.Buffers.OperationStatus.Done)
        {
            width = 1;
            return false;
        }

        return letters ? Rune.IsLetter(rune) : !Rune.IsWhiteSpace(rune);
    }

    private static (float[] Weights, string Hash) SifWeights(WordVectors vectors, WordVectorEncoderOptions options)
    {
        var weights = new float[vectors.Count];
        double total = TotalCount(options.WordFrequencies!);
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)SifWeight(vectors.Keys[i], options, total);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (KeyValuePair<string, long> pair in options.WordFrequencies!.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{pair.Key}\t{pair.Value}\n"));
        }

        return (weights, Convert.ToHexStringLower(hash.GetHashAndReset())[..16]);
    }

    private static double SifWeight(ReadOnlySpan<char> word, WordVectorEncoderOptions options, double total)
    {
        IReadOnlyDictionary<string, long> counts = options.WordFrequencies!;
        long count = counts.TryGetValue(word.ToString(), out long c) ? c : 0;
        return options.SifA / (options.SifA + count / total);
    }

    private static double TotalCount(IReadOnlyDictionary<string, long> counts)
    {
        double total = 0;
        foreach (long value in counts.Values)
        {
            total += value;
        }

        return Math.Max(total, 1);
    }

    private static string HashVectors(WordVectors vectors)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.ASCII.GetBytes($"{vectors.Count} {vectors.Dimensions}\n"));
        foreach (string key in vectors.Keys)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(key));
            hash.AppendData("\n"u8);
        }

        hash.AppendData(MemoryMarshal.AsBytes(vectors.Matrix));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private string BuildIdentity()
    {
        var identity = new StringBuilder("word-vector-mean/");
        identity.Append(Options.Tokenization == WordVectorEncoderTokenization.LetterRuns ? "letters" : "whitespace");
        identity.Append(Options.Lowercase ? "/lower" : "/cased");
        identity.Append("/oov-").Append(Options.OovPolicy.ToString().ToLowerInvariant());
        if (_weights is not null)
        {
            identity.Append(CultureInfo.InvariantCulture, $"/sif(a={Options.SifA:R},freq={FrequenciesHash})");
        }

        if (_commonComponent is not null)
        {
            identity.Append("/pc1-").Append(Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(_commonComponent.AsSpan())))[..16]);
        }

        identity.Append(CultureInfo.InvariantCulture, $"@{Dimensions}d-sha256:{VectorsHash}");
        return identity.ToString();
    }

    private static string Truncate(string line) => line.Length <= 60 ? line : line[..60] + "…";
}
