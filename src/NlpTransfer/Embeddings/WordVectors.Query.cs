using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Numerics.Tensors;
using NlpTransfer.Numerics;

namespace NlpTransfer.Embeddings;

// Similarity queries: cosine over unit-length rows, with the semantics of gensim's KeyedVectors
// (most_similar, most_similar_cosmul, similar_by_vector, doesnt_match, similarity).
public sealed partial class WordVectors
{
    // ε of 3CosMul (Levy & Goldberg 2014, eq. 4): keeps the quotient finite when cos'(x, a) is 0.
    private const float CosMulEpsilon = 1e-6f;

    // Queries per block of the batched search: one packed A block of the blocked product (MC = 96 rows).
    private const int QueryBlock = 96;

    // Vocabulary rows scored against one query block per product: one packed B panel of the blocked product (NC = 2048).
    private const int ChunkRows = 2048;

    private readonly Lock _unitLock = new();
    private float[]? _unitMatrix;

    /// <summary>
    /// The matrix with every row divided by its L2 norm (<see cref="Norms"/>), Count × Dimensions, row-major; rows of
    /// norm 0 stay zero. Every cosine query runs on it.
    /// </summary>
    /// <remarks>
    /// Computed once, on first use, thread-safely. It costs Count × Dimensions × 4 bytes beside the raw matrix
    /// (20 MB for 50,000 × 100; 137 MB for 341,479 × 100; 2.4 GB for 2,000,000 × 300), except when the raw matrix is
    /// a managed array whose rows are already unit length (loaded with row normalisation), which is then shared.
    /// The span is valid while this instance is alive.
    /// </remarks>
    public ReadOnlySpan<float> NormalizedMatrix => UnitArray;

    private float[] UnitArray => Volatile.Read(ref _unitMatrix) ?? CreateUnitMatrix();

    /// <summary>
    /// Cosine similarity of two in-vocabulary words: the dot product of their unit vectors (gensim's
    /// <c>similarity</c>). The result of a word with itself may exceed 1 by a float rounding (1.0000002).
    /// </summary>
    /// <exception cref="KeyNotFoundException">A word is not in the vocabulary (case-sensitive lookup).</exception>
    public float Similarity(ReadOnlySpan<char> word1, ReadOnlySpan<char> word2)
    {
        int i = RequireIndex(word1);
        int j = RequireIndex(word2);
        return TensorPrimitives.Dot(UnitRow(i), UnitRow(j));
    }

    /// <summary>The <paramref name="topN"/> words nearest to <paramref name="word"/> by cosine, the word itself excluded.</summary>
    /// <param name="word">An in-vocabulary word (case-sensitive).</param>
    /// <param name="topN">How many words to return; 0 gives an empty list.</param>
    /// <param name="restrictVocab">Search only the first N rows (in file order, usually the most frequent); 0 searches all.</param>
    /// <returns>At most <paramref name="topN"/> words, best first; equal scores in ascending row order.</returns>
    /// <exception cref="KeyNotFoundException">The word is not in the vocabulary.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="topN"/> or <paramref name="restrictVocab"/> is negative.</exception>
    public IReadOnlyList<ScoredWord> MostSimilar(ReadOnlySpan<char> word, int topN = 10, int restrictVocab = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(topN);
        int rows = SearchRows(restrictVocab);
        int row = RequireIndex(word);
        if (topN == 0)
        {
            return [];
        }

        // unit(unit(w)) rather than unit(w): the same float rounding as gensim's mean-then-normalise path.
        float[] query = new float[Dimensions];
        UnitRow(row).CopyTo(query);
        NormalizeInPlace(query);
        return SearchOne(query, rows, [row], topN);
    }

    /// <summary>
    /// The <paramref name="topN"/> words nearest by cosine to unit(Σ x̂ for x in positive − Σ x̂ for x in negative),
    /// where x̂ is the unit vector of x (3CosAdd when positive = [b, c] and negative = [a]); the query words are
    /// excluded from the result. gensim's <c>most_similar(positive, negative, topn, restrict_vocab)</c>.
    /// </summary>
    /// <param name="positive">Words that pull towards them.</param>
    /// <param name="negative">Words that push away; null for none.</param>
    /// <param name="topN">How many words to return; 0 gives an empty list.</param>
    /// <param name="restrictVocab">Search only the first N rows; 0 searches all.</param>
    /// <returns>At most <paramref name="topN"/> words, best first; equal scores in ascending row order.</returns>
    /// <exception cref="ArgumentException">No word at all was given.</exception>
    /// <exception cref="KeyNotFoundException">A word is not in the vocabulary.</exception>
    public IReadOnlyList<ScoredWord> MostSimilar(
        IReadOnlyList<string> positive, IReadOnlyList<string>? negative = null, int topN = 10, int restrictVocab = 0)
    {
        ArgumentNullException.ThrowIfNull(positive);
        negative ??= [];
        ArgumentOutOfRangeException.ThrowIfNegative(topN);
        int rows = SearchRows(restrictVocab);
        if (positive.Count + negative.Count == 0)
        {
            throw new ArgumentException("Expected at least one positive or negative word, found none.", nameof(positive));
        }

        int[] inputs = ResolveRows(positive, negative);
        if (topN == 0)
        {
            return [];
        }

        float[] query = new float[Dimensions];
        CombineUnitRows(inputs, positive.Count, query);
        return SearchOne(query, rows, inputs, topN);
    }

    /// <summary>
    /// Similar-by-vector: writes the words nearest by cosine to <paramref name="query"/> into
    /// <paramref name="destination"/>, best first (equal scores in ascending row order). Nothing is excluded.
    /// </summary>
    /// <param name="query">A vector of length <see cref="Dimensions"/>; it need not be unit length. A zero vector scores 0 everywhere.</param>
    /// <param name="destination">Receives up to destination.Length words.</param>
    /// <param name="restrictVocab">Search only the first N rows; 0 searches all.</param>
    /// <returns>The number of words written: min(destination.Length, rows searched).</returns>
    /// <exception cref="ArgumentException">The query length is not <see cref="Dimensions"/>.</exception>
    public int MostSimilar(ReadOnlySpan<float> query, Span<ScoredWord> destination, int restrictVocab = 0)
    {
        CheckQueryLength(query.Length, 1);
        return MostSimilar(query, 1, destination, destination.Length, restrictVocab);
    }

    /// <summary>
    /// Batched similar-by-vector: for each of <paramref name="queryCount"/> query vectors (row-major in
    /// <paramref name="queries"/>), the <paramref name="topN"/> nearest words by cosine, computed with matrix products
    /// over blocks of queries and vocabulary chunks on every core.
    /// </summary>
    /// <param name="queries">queryCount × Dimensions values, row-major; rows need not be unit length.</param>
    /// <param name="queryCount">Number of queries.</param>
    /// <param name="destination">queryCount × topN slots: the results of query q start at q × topN, best first.</param>
    /// <param name="topN">Results per query.</param>
    /// <param name="restrictVocab">Search only the first N rows; 0 searches all.</param>
    /// <returns>Results written per query: min(topN, rows searched); slots beyond it are left untouched.</returns>
    /// <exception cref="ArgumentException">A length disagrees with queryCount, topN or Dimensions.</exception>
    public int MostSimilar(ReadOnlySpan<float> queries, int queryCount, Span<ScoredWord> destination, int topN, int restrictVocab = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(queryCount);
        ArgumentOutOfRangeException.ThrowIfNegative(topN);
        CheckQueryLength(queries.Length, queryCount);
        if ((long)queryCount * topN > destination.Length)
        {
            throw new ArgumentException(
                $"Destination must hold {queryCount} × {topN} = {(long)queryCount * topN} results, has {destination.Length}.", nameof(destination));
        }

        int rows = SearchRows(restrictVocab);
        int k = Math.Min(topN, rows);
        if (queryCount == 0 || k == 0)
        {
            return k;
        }

        float[] units = ArrayPool<float>.Shared.Rent(queryCount * Dimensions);
        int[] indices = ArrayPool<int>.Shared.Rent(queryCount * k);
        float[] scores = ArrayPool<float>.Shared.Rent(queryCount * k);
        try
        {
            queries.CopyTo(units);
            for (int q = 0; q < queryCount; q++)
            {
                NormalizeInPlace(units.AsSpan(q * Dimensions, Dimensions));
            }

            SearchBatch(new CosineScorer(units, UnitArray, Dimensions), queryCount, rows, k, indices, scores);
            for (int q = 0; q < queryCount; q++)
            {
                for (int j = 0; j < k; j++)
                {
                    int row = indices[q * k + j];
                    destination[q * topN + j] = new ScoredWord(_keys[row], row, scores[q * k + j]);
                }
            }

            return k;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(units);
            ArrayPool<int>.Shared.Return(indices);
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    /// <summary>
    /// The <paramref name="topN"/> words that maximise the multiplicative objective of Levy &amp; Goldberg (2014, eq. 4):
    /// Π_{p ∈ positive} cos'(x, p) / (Π_{n ∈ negative} cos'(x, n) + 10⁻⁶), with cos' = (1 + cos) / 2 (their footnote 7);
    /// the query words are excluded. With positive = [b, c] and negative = [a] this is 3CosMul. gensim's
    /// <c>most_similar_cosmul</c>, except that <paramref name="restrictVocab"/> is honoured (gensim 4.2 ignores it).
    /// </summary>
    /// <param name="positive">Words in the numerator; at least one.</param>
    /// <param name="negative">Words in the denominator; null for none.</param>
    /// <param name="topN">How many words to return; 0 gives an empty list.</param>
    /// <param name="restrictVocab">Search only the first N rows; 0 searches all.</param>
    /// <returns>At most <paramref name="topN"/> words with their objective, best first.</returns>
    /// <exception cref="ArgumentException"><paramref name="positive"/> is empty.</exception>
    /// <exception cref="KeyNotFoundException">A word is not in the vocabulary.</exception>
    public IReadOnlyList<ScoredWord> MostSimilarCosMul(
        IReadOnlyList<string> positive, IReadOnlyList<string>? negative = null, int topN = 10, int restrictVocab = 0)
    {
        ArgumentNullException.ThrowIfNull(positive);
        negative ??= [];
        ArgumentOutOfRangeException.ThrowIfNegative(topN);
        int rows = SearchRows(restrictVocab);
        if (positive.Count == 0)
        {
            throw new ArgumentException("Expected at least one positive word, found none.", nameof(positive));
        }

        int[] inputs = ResolveRows(positive, negative);
        if (topN == 0)
        {
            return [];
        }

        int terms = inputs.Length;
        float[] termVectors = new float[terms * Dimensions];
        for (int t = 0; t < terms; t++)
        {
            UnitRow(inputs[t]).CopyTo(termVectors.AsSpan(t * Dimensions));
        }

        float[] cosines = ArrayPool<float>.Shared.Rent(terms * rows);
        float[] objective = ArrayPool<float>.Shared.Rent(rows);
        try
        {
            MatrixProduct.MultiplyTransposed(
                termVectors, terms, UnitArray.AsSpan(0, rows * Dimensions), rows, Dimensions, cosines.AsSpan(0, terms * rows));
            CombineCosMul(cosines, terms, positive.Count, rows, objective);
            return SelectExcluding(objective.AsSpan(0, rows), inputs, topN);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(cosines);
            ArrayPool<float>.Shared.Return(objective);
        }
    }

    /// <summary>
    /// Answers "<paramref name="a"/> is to <paramref name="b"/> as <paramref name="c"/> is to ?": 3CosAdd is
    /// <c>MostSimilar([b, c], [a])</c>, 3CosMul is <c>MostSimilarCosMul([b, c], [a])</c>; a, b and c are excluded.
    /// </summary>
    /// <param name="a">First word of the known pair.</param>
    /// <param name="b">Second word of the known pair.</param>
    /// <param name="c">First word of the open pair.</param>
    /// <param name="method">3CosAdd (default) or 3CosMul.</param>
    /// <param name="topN">How many candidates to return (default 5).</param>
    /// <param name="restrictVocab">Search only the first N rows; 0 searches all.</param>
    /// <exception cref="KeyNotFoundException">A word is not in the vocabulary.</exception>
    public IReadOnlyList<ScoredWord> Analogy(
        string a, string b, string c, AnalogyMethod method = AnalogyMethod.Add, int topN = 5, int restrictVocab = 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(c);
        return method switch
        {
            AnalogyMethod.Add => MostSimilar([b, c], [a], topN, restrictVocab),
            AnalogyMethod.Multiply => MostSimilarCosMul([b, c], [a], topN, restrictVocab),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Expected Add or Multiply."),
        };
    }

    /// <summary>
    /// The word that does not go with the others: the one whose unit vector has the lowest cosine with the
    /// normalised mean of all their unit vectors (gensim's <c>doesnt_match</c>; ties go to the ordinally smallest word).
    /// Unlike gensim, an unknown word is an error rather than silently dropped.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="words"/> is empty.</exception>
    /// <exception cref="KeyNotFoundException">A word is not in the vocabulary.</exception>
    public string DoesntMatch(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count == 0)
        {
            throw new ArgumentException("Expected at least one word, found none.", nameof(words));
        }

        int[] rows = ResolveRows(words, []);
        float[] mean = new float[Dimensions];
        foreach (int row in rows)
        {
            TensorPrimitives.Add(mean, UnitRow(row), mean);
        }

        TensorPrimitives.Divide(mean, rows.Length, mean);
        NormalizeInPlace(mean);
        int worst = 0;
        float worstScore = float.PositiveInfinity;
        for (int i = 0; i < rows.Length; i++)
        {
            float score = TensorPrimitives.Dot(UnitRow(rows[i]), mean);
            if (score < worstScore || (score == worstScore && string.CompareOrdinal(words[i], words[worst]) < 0))
            {
                worst = i;
                worstScore = score;
            }
        }

        return words[worst];
    }

    // ---- shared machinery -------------------------------------------------------------------------------------

    private ReadOnlySpan<float> UnitRow(int row) => UnitArray.AsSpan(row * Dimensions, Dimensions);

    private float[] CreateUnitMatrix()
    {
        lock (_unitLock)
        {
            if (_unitMatrix is { } ready)
            {
                return ready;
            }

            float[] unit;
            if (_storage is ManagedVectorStorage managed && RowsAreUnitOrZero(_norms))
            {
                unit = managed.Array;
            }
            else
            {
                ReadOnlySpan<float> matrix = _storage.Matrix;
                unit = GC.AllocateUninitializedArray<float>(matrix.Length);
                for (int i = 0; i < _norms.Length; i++)
                {
                    ReadOnlySpan<float> row = matrix.Slice(i * Dimensions, Dimensions);
                    Span<float> target = unit.AsSpan(i * Dimensions, Dimensions);
                    if (_norms[i] > 0f)
                    {
                        TensorPrimitives.Divide(row, _norms[i], target);
                    }
                    else
                    {
                        target.Clear();
                    }
                }
            }

            Volatile.Write(ref _unitMatrix, unit);
            return unit;
        }
    }

    private static bool RowsAreUnitOrZero(ReadOnlySpan<float> norms)
    {
        foreach (float norm in norms)
        {
            if (norm != 0f && MathF.Abs(norm - 1f) > 1e-6f)
            {
                return false;
            }
        }

        return true;
    }

    private int RequireIndex(ReadOnlySpan<char> word)
    {
        int i = IndexOf(word);
        if (i < 0)
        {
            ThrowNotInVocabulary(word);
        }

        return i;
    }

    [DoesNotReturn]
    private static void ThrowNotInVocabulary(ReadOnlySpan<char> word) =>
        throw new KeyNotFoundException($"Key '{word}' not present in vocabulary");

    private int[] ResolveRows(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        int[] rows = new int[first.Count + second.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            string word = i < first.Count ? first[i] : second[i - first.Count];
            ArgumentNullException.ThrowIfNull(word);
            rows[i] = RequireIndex(word);
        }

        return rows;
    }

    private int SearchRows(int restrictVocab)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(restrictVocab);
        return restrictVocab == 0 ? Count : Math.Min(restrictVocab, Count);
    }

    private void CheckQueryLength(int length, int queryCount)
    {
        if ((long)queryCount * Dimensions != length)
        {
            throw new ArgumentException(
                $"Expected {queryCount} × {Dimensions} = {(long)queryCount * Dimensions} query values, found {length}.", "queries");
        }
    }

    /// <summary>
    /// destination = unit((Σ_{i &lt; positiveCount} x̂_i − Σ_{i ≥ positiveCount} x̂_i) / rows.Length): gensim's
    /// get_mean_vector(pre_normalize, post_normalize), in the same order of float operations.
    /// </summary>
    private void CombineUnitRows(ReadOnlySpan<int> rows, int positiveCount, Span<float> destination)
    {
        destination.Clear();
        for (int i = 0; i < rows.Length; i++)
        {
            if (i < positiveCount)
            {
                TensorPrimitives.Add(destination, UnitRow(rows[i]), destination);
            }
            else
            {
                TensorPrimitives.Subtract(destination, UnitRow(rows[i]), destination);
            }
        }

        TensorPrimitives.Divide(destination, rows.Length, destination);
        NormalizeInPlace(destination);
    }

    private static void NormalizeInPlace(Span<float> vector)
    {
        float norm = TensorPrimitives.Norm(vector);
        if (norm > 0f)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }

    // objective[x] = Π_pos (1 + cos)/2 / (Π_neg (1 + cos)/2 + ε), from the terms × rows cosines.
    private static void CombineCosMul(ReadOnlySpan<float> cosines, int terms, int positiveCount, int rows, Span<float> objective)
    {
        for (int x = 0; x < rows; x++)
        {
            float numerator = 1f;
            float denominator = 1f;
            for (int t = 0; t < terms; t++)
            {
                float shifted = (1f + cosines[t * rows + x]) / 2f;
                if (t < positiveCount)
                {
                    numerator *= shifted;
                }
                else
                {
                    denominator *= shifted;
                }
            }

            objective[x] = numerator / (denominator + CosMulEpsilon);
        }
    }

    private ScoredWord[] SearchOne(float[] unitQuery, int rows, int[] exclude, int topN)
    {
        int k = Math.Min(topN + exclude.Length, rows);
        if (k == 0)
        {
            return [];
        }

        int[] indices = new int[k];
        float[] scores = new float[k];
        SearchBatch(new CosineScorer(unitQuery, UnitArray, Dimensions), 1, rows, k, indices, scores);
        return Filter(indices, scores, k, exclude, topN);
    }

    private ScoredWord[] SelectExcluding(ReadOnlySpan<float> objective, int[] exclude, int topN)
    {
        int k = Math.Min(topN + exclude.Length, objective.Length);
        int[] indices = new int[k];
        float[] scores = new float[k];
        int found = TopK.Select(objective, indices, scores);
        return Filter(indices, scores, found, exclude, topN);
    }

    private ScoredWord[] Filter(int[] indices, float[] scores, int count, int[] exclude, int topN)
    {
        var result = new List<ScoredWord>(Math.Min(topN, count));
        for (int j = 0; j < count && result.Count < topN; j++)
        {
            if (Array.IndexOf(exclude, indices[j]) < 0)
            {
                result.Add(new ScoredWord(_keys[indices[j]], indices[j], scores[j]));
            }
        }

        return [.. result];
    }

    /// <summary>
    /// The k best rows in [0, rows) for each of queryCount queries, scored by <paramref name="scorer"/>: descending
    /// score, equal scores by ascending row. Work is split into blocks of queries × slices of the vocabulary; each
    /// block is scored one vocabulary chunk at a time (a matrix product), and the chunk's top k merged into a
    /// running top k, so memory stays at one chunk of scores per worker whatever the vocabulary size.
    /// </summary>
    private static void SearchBatch(IChunkScorer scorer, int queryCount, int rows, int k, int[] bestIndices, float[] bestScores)
    {
        int chunkRows = ChunkRows;
        int blocks = (queryCount + QueryBlock - 1) / QueryBlock;
        int workers = Environment.ProcessorCount;
        int slices = blocks >= workers ? 1 : Math.Max(1, Math.Min(workers, rows / chunkRows));
        int sliceRows = (rows + slices - 1) / slices;

        // Per slice, each query's running top k; merged across slices at the end.
        int[] partIndices = slices == 1 ? bestIndices : new int[slices * queryCount * k];
        float[] partScores = slices == 1 ? bestScores : new float[slices * queryCount * k];
        int[] partCounts = new int[slices * queryCount];

        Parallel.For(0, blocks * slices, new ParallelOptions { MaxDegreeOfParallelism = workers }, task =>
        {
            int block = task / slices;
            int slice = task % slices;
            int q0 = block * QueryBlock;
            int qn = Math.Min(QueryBlock, queryCount - q0);
            int r0 = slice * sliceRows;
            int rEnd = Math.Min(rows, r0 + sliceRows);
            int chunkCapacity = Math.Min(chunkRows, Math.Max(1, rEnd - r0));
            float[] chunkScores = ArrayPool<float>.Shared.Rent(qn * chunkCapacity * scorer.ScratchFactor);
            int[] topIndices = ArrayPool<int>.Shared.Rent(k);
            float[] topScores = ArrayPool<float>.Shared.Rent(k);
            int[] mergeIndices = ArrayPool<int>.Shared.Rent(k);
            float[] mergeScores = ArrayPool<float>.Shared.Rent(k);
            try
            {
                int partBase = slice * queryCount;
                for (int c0 = r0; c0 < rEnd; c0 += chunkRows)
                {
                    int cn = Math.Min(chunkRows, rEnd - c0);
                    Span<float> scores = chunkScores.AsSpan(0, qn * cn);
                    scorer.Score(q0, qn, c0, cn, scores, chunkScores.AsSpan(qn * cn));
                    for (int q = 0; q < qn; q++)
                    {
                        int slot = partBase + q0 + q;
                        ReadOnlySpan<float> row = scores.Slice(q * cn, cn);

                        // Once k rows are kept, a chunk whose best score does not beat the k-th is skipped with one
                        // vectorised max: later chunks only hold higher rows, which lose ties.
                        if (partCounts[slot] == k && TensorPrimitives.Max(row) <= partScores[slot * k + k - 1])
                        {
                            continue;
                        }

                        int found = TopK.Select(row, topIndices.AsSpan(0, k), topScores.AsSpan(0, k));
                        for (int j = 0; j < found; j++)
                        {
                            topIndices[j] += c0;
                        }

                        partCounts[slot] = MergeTop(
                            partIndices.AsSpan(slot * k, k), partScores.AsSpan(slot * k, k), partCounts[slot],
                            topIndices.AsSpan(0, found), topScores.AsSpan(0, found), mergeIndices, mergeScores, k);
                    }
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(chunkScores);
                ArrayPool<int>.Shared.Return(topIndices);
                ArrayPool<float>.Shared.Return(topScores);
                ArrayPool<int>.Shared.Return(mergeIndices);
                ArrayPool<float>.Shared.Return(mergeScores);
            }
        });

        if (slices == 1)
        {
            return;
        }

        int[] mergeI = new int[k];
        float[] mergeS = new float[k];
        for (int q = 0; q < queryCount; q++)
        {
            Span<int> targetIndices = bestIndices.AsSpan(q * k, k);
            Span<float> targetScores = bestScores.AsSpan(q * k, k);
            int count = 0;
            for (int s = 0; s < slices; s++)
            {
                int slot = s * queryCount + q;
                count = MergeTop(targetIndices, targetScores, count,
                    partIndices.AsSpan(slot * k, partCounts[slot]), partScores.AsSpan(slot * k, partCounts[slot]), mergeI, mergeS, k);
            }
        }
    }

    // Merges two lists sorted best-first (higher score, then lower row) into the first, keeping at most k.
    private static int MergeTop(
        Span<int> keptIndices, Span<float> keptScores, int keptCount,
        ReadOnlySpan<int> newIndices, ReadOnlySpan<float> newScores,
        Span<int> scratchIndices, Span<float> scratchScores, int k)
    {
        int i = 0;
        int j = 0;
        int n = 0;
        while (n < k && (i < keptCount || j < newIndices.Length))
        {
            bool takeKept = j >= newIndices.Length
                || (i < keptCount && (keptScores[i] > newScores[j] || (keptScores[i] == newScores[j] && keptIndices[i] < newIndices[j])));
            if (takeKept)
            {
                scratchIndices[n] = keptIndices[i];
                scratchScores[n++] = keptScores[i++];
            }
            else
            {
                scratchIndices[n] = newIndices[j];
                scratchScores[n++] = newScores[j++];
            }
        }

        scratchIndices[..n].CopyTo(keptIndices);
        scratchScores[..n].CopyTo(keptScores);
        return n;
    }

    // C = Q · (rows r0 … r0 + rowCount of the unit matrix)ᵀ on the calling thread: the search already runs one task per
    // core. One or a few queries take the dot-product loop: packing the chunk would cost more than the product.
    private static void Multiply(ReadOnlySpan<float> queries, int queryCount, float[] unitMatrix, int r0, int rowCount, int dimensions, Span<float> scores) =>
        MatrixProduct.MultiplyTransposed(
            queries, queryCount, unitMatrix.AsSpan(r0 * dimensions, rowCount * dimensions), rowCount, dimensions, scores,
            queryCount < 4 ? MatrixKernel.Scalar : MatrixProduct.KernelFor(queryCount, rowCount, dimensions), maxThreads: 1);

    /// <summary>Fills the scores of a block of queries against a chunk of vocabulary rows.</summary>
    private interface IChunkScorer
    {
        /// <summary>Scratch needed, as a multiple of queryCount × rowCount floats (scores included).</summary>
        int ScratchFactor { get; }

        /// <summary>scores[q × rowCount + r] = score of query q0 + q against row r0 + r.</summary>
        void Score(int q0, int queryCount, int r0, int rowCount, Span<float> scores, Span<float> scratch);
    }

    /// <summary>Cosine of unit queries against unit rows: one product C = Q·Rᵀ.</summary>
    private sealed class CosineScorer(float[] unitQueries, float[] unitMatrix, int dimensions) : IChunkScorer
    {
        public int ScratchFactor => 1;

        public void Score(int q0, int queryCount, int r0, int rowCount, Span<float> scores, Span<float> scratch) =>
            Multiply(unitQueries.AsSpan(q0 * dimensions, queryCount * dimensions), queryCount, unitMatrix, r0, rowCount, dimensions, scores);
    }

    /// <summary>
    /// 3CosMul for analogy questions: per question three unit vectors b, c, a (row-major, in that order); the score
    /// of x is cos'(x, b) · cos'(x, c) / (cos'(x, a) + ε) with cos' = (1 + cos)/2. One product of the 3q
    /// vectors against the chunk, then the combination.
    /// </summary>
    private sealed class CosMulAnalogyScorer(float[] unitTriples, float[] unitMatrix, int dimensions) : IChunkScorer
    {
        public int ScratchFactor => 4;

        public void Score(int q0, int queryCount, int r0, int rowCount, Span<float> scores, Span<float> scratch)
        {
            Span<float> cosines = scratch[..(3 * queryCount * rowCount)];
            Multiply(unitTriples.AsSpan(3 * q0 * dimensions, 3 * queryCount * dimensions), 3 * queryCount, unitMatrix, r0, rowCount, dimensions, cosines);
            for (int q = 0; q < queryCount; q++)
            {
                CombineCosMul(cosines.Slice(3 * q * rowCount, 3 * rowCount), 3, 2, rowCount, scores.Slice(q * rowCount, rowCount));
            }
        }
    }
}
