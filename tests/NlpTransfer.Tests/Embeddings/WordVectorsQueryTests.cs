using FluentAssertions;
using NlpTransfer.Embeddings;
using Xunit;

namespace NlpTransfer.Tests.Embeddings;

/// <summary>
/// The queries of <see cref="WordVectors"/> against a brute-force reference written here in double precision.
/// Scores agree within 1e-5 (float32 dot products of unit vectors); where two candidates tie within that tolerance
/// either order is accepted, since the float rounding may order them either way.
/// </summary>
public sealed class WordVectorsQueryTests
{
    private const double Tolerance = 1e-5;

    [Fact]
    public void Similarity_RandomWords_EqualsCosine()
    {
        var (vectors, matrix, dims) = Random(words: 50, dims: 7, seed: 1);

        for (int i = 0; i < 50; i += 7)
        {
            for (int j = 0; j < 50; j += 5)
            {
                vectors.Similarity(Word(i), Word(j)).Should().BeApproximately((float)Cosine(Row(matrix, i, dims), Row(matrix, j, dims)), 1e-5f);
            }
        }
    }

    [Fact]
    public void MostSimilar_Word_MatchesBruteForceAndExcludesTheWord()
    {
        var (vectors, matrix, dims) = Random(words: 300, dims: 16, seed: 2);

        for (int w = 0; w < 300; w += 23)
        {
            IReadOnlyList<ScoredWord> result = vectors.MostSimilar(Word(w), topN: 12);

            double[] scores = ReferenceScores(matrix, dims, Row(matrix, w, dims), rows: 300);
            AssertTopMatches(result, scores, exclude: [w], topN: 12);
            result.Should().NotContain(s => s.Index == w);
        }
    }

    [Fact]
    public void MostSimilar_PositiveAndNegative_MatchesMeanOfUnitVectors()
    {
        var (vectors, matrix, dims) = Random(words: 200, dims: 10, seed: 3);
        double[] query = new double[dims];
        foreach (var (row, sign) in new[] { (4, 1.0), (9, 1.0), (17, -1.0), (30, -1.0) })
        {
            double[] unit = Unit(Row(matrix, row, dims));
            for (int d = 0; d < dims; d++)
            {
                query[d] += sign * unit[d];
            }
        }

        IReadOnlyList<ScoredWord> result = vectors.MostSimilar([Word(4), Word(9)], [Word(17), Word(30)], topN: 8);

        AssertTopMatches(result, ReferenceScores(matrix, dims, query, rows: 200), exclude: [4, 9, 17, 30], topN: 8);
    }

    [Fact]
    public void MostSimilar_RestrictVocab_SearchesOnlyFirstRows()
    {
        var (vectors, matrix, dims) = Random(words: 120, dims: 6, seed: 4);

        IReadOnlyList<ScoredWord> result = vectors.MostSimilar(Word(100), topN: 5, restrictVocab: 40);

        result.Should().OnlyContain(s => s.Index < 40);
        AssertTopMatches(result, ReferenceScores(matrix, dims, Row(matrix, 100, dims), rows: 40), exclude: [], topN: 5);
    }

    [Fact]
    public void MostSimilar_TiedRows_ComeInAscendingRowOrder()
    {
        // Rows 1, 2 and 4 are the same vector: equal scores, ranked by row.
        var vectors = WordVectors.FromMatrix(
            ["q", "t1", "t2", "far", "t3"],
            [1f, 0f, 0.6f, 0.8f, 0.6f, 0.8f, -1f, 0f, 0.6f, 0.8f],
            dimensions: 2);

        IReadOnlyList<ScoredWord> result = vectors.MostSimilar("q", topN: 4);

        result.Select(s => s.Word).Should().Equal("t1", "t2", "t3", "far");
        result[0].Score.Should().Be(result[2].Score);
    }

    [Fact]
    public void MostSimilar_TopNBeyondVocabulary_ReturnsEveryOtherWord()
    {
        var (vectors, _, _) = Random(words: 6, dims: 3, seed: 5);

        vectors.MostSimilar(Word(0), topN: 50).Should().HaveCount(5);
        vectors.MostSimilar(Word(0), topN: 0).Should().BeEmpty();
    }

    [Fact]
    public void MostSimilar_Vector_MatchesBruteForceWithoutExclusion()
    {
        var (vectors, matrix, dims) = Random(words: 400, dims: 12, seed: 6);
        float[] query = Row(matrix, 77, dims).Select(v => (float)(v * 3.5)).ToArray();
        var destination = new ScoredWord[10];

        int written = vectors.MostSimilar(query, destination);

        written.Should().Be(10);
        destination[0].Index.Should().Be(77, "an unscaled copy of a row is its own nearest neighbour");
        AssertTopMatches(destination, ReferenceScores(matrix, dims, query.Select(v => (double)v).ToArray(), rows: 400), exclude: [], topN: 10);
    }

    [Fact]
    public void MostSimilar_BatchAcrossBlocksChunksAndSlices_EqualsOneQueryAtATime()
    {
        // 100,000 rows of 3 dims span several vocabulary chunks; 150 queries span three query blocks.
        var (vectors, matrix, dims) = Random(words: 100_000, dims: 3, seed: 7);
        var random = new Random(8);
        const int queryCount = 150;
        const int topN = 7;
        float[] queries = Enumerable.Range(0, queryCount * dims).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var batch = new ScoredWord[queryCount * topN];

        int perQuery = vectors.MostSimilar(queries, queryCount, batch, topN);

        perQuery.Should().Be(topN);
        for (int q = 0; q < queryCount; q += 13)
        {
            double[] query = queries.AsSpan(q * dims, dims).ToArray().Select(v => (double)v).ToArray();
            double[] reference = ReferenceScores(matrix, dims, query, rows: 100_000);
            AssertTopMatches(batch.AsSpan(q * topN, topN).ToArray(), reference, exclude: [], topN: topN);

            // One query takes the dot-product loop, a batch the blocked product: equal up to float rounding.
            var single = new ScoredWord[topN];
            vectors.MostSimilar(queries.AsSpan(q * dims, dims), single);
            AssertTopMatches(single, reference, exclude: [], topN: topN);
        }
    }

    [Fact]
    public void MostSimilar_ZeroQueryVector_ScoresZero()
    {
        var (vectors, _, _) = Random(words: 10, dims: 4, seed: 9);
        var destination = new ScoredWord[3];

        vectors.MostSimilar(new float[4], destination);

        destination.Should().OnlyContain(s => s.Score == 0f);
    }

    [Fact]
    public void MostSimilarCosMul_Analogy_MatchesBruteForceObjective()
    {
        var (vectors, matrix, dims) = Random(words: 250, dims: 8, seed: 10);
        int a = 3, b = 11, c = 40;
        double[] objective = new double[250];
        for (int x = 0; x < 250; x++)
        {
            double[] row = Row(matrix, x, dims);
            double Shift(int w) => (1 + Cosine(row, Row(matrix, w, dims))) / 2;
            objective[x] = Shift(b) * Shift(c) / (Shift(a) + 1e-6);
        }

        IReadOnlyList<ScoredWord> result = vectors.Analogy(Word(a), Word(b), Word(c), AnalogyMethod.Multiply, topN: 6);

        AssertTopMatches(result, objective, exclude: [a, b, c], topN: 6);
    }

    [Fact]
    public void Analogy_Add_EqualsMostSimilarWithPositiveBcNegativeA()
    {
        var (vectors, _, _) = Random(words: 90, dims: 5, seed: 11);

        IReadOnlyList<ScoredWord> analogy = vectors.Analogy(Word(1), Word(2), Word(3));

        analogy.Should().Equal(vectors.MostSimilar([Word(2), Word(3)], [Word(1)], topN: 5));
    }

    [Fact]
    public void Analogy_KingQueen_FindsTheConstructedAnswer()
    {
        // queen = king − man + woman exactly; the distractors point elsewhere.
        var vectors = WordVectors.FromMatrix(
            ["man", "woman", "king", "queen", "apple", "car"],
            [
                1f, 0f, 0f, 0f, // man
                0f, 1f, 0f, 0f, // woman
                1f, 0f, 1f, 0f, // king
                0f, 1f, 1f, 0f, // queen
                0f, 0f, 0f, 1f, // apple
                0f, 0f, -1f, 1f, // car
            ],
            dimensions: 4);

        vectors.Analogy("man", "king", "woman", AnalogyMethod.Add, topN: 1)[0].Word.Should().Be("queen");
        vectors.Analogy("man", "king", "woman", AnalogyMethod.Multiply, topN: 1)[0].Word.Should().Be("queen");
    }

    [Fact]
    public void DoesntMatch_OneOutlier_ReturnsIt()
    {
        var vectors = WordVectors.FromMatrix(
            ["cat", "dog", "mouse", "car"],
            [1f, 0.1f, 0f, 0.9f, 0.2f, 0f, 1f, 0f, 0.1f, 0f, 0.1f, 1f],
            dimensions: 3);

        vectors.DoesntMatch(["cat", "dog", "car", "mouse"]).Should().Be("car");
    }

    [Fact]
    public void NormalizedMatrix_Rows_HaveUnitLengthAndZeroRowsStayZero()
    {
        var vectors = WordVectors.FromMatrix(["a", "zero", "b"], [3f, 4f, 0f, 0f, -2f, 0f], dimensions: 2);

        vectors.NormalizedMatrix.ToArray().Should().Equal(0.6f, 0.8f, 0f, 0f, -1f, 0f);
    }

    [Fact]
    public void Queries_UnknownWord_ThrowKeyNotFoundNamingIt()
    {
        var (vectors, _, _) = Random(words: 5, dims: 2, seed: 12);

        var similarity = () => vectors.Similarity(Word(0), "absent");
        var mostSimilar = () => vectors.MostSimilar("absent");
        var analogy = () => vectors.Analogy(Word(0), "absent", Word(1), AnalogyMethod.Multiply);
        var doesntMatch = () => vectors.DoesntMatch([Word(0), "absent"]);

        similarity.Should().Throw<KeyNotFoundException>().WithMessage("Key 'absent' not present in vocabulary");
        mostSimilar.Should().Throw<KeyNotFoundException>().WithMessage("Key 'absent' not present in vocabulary");
        analogy.Should().Throw<KeyNotFoundException>().WithMessage("Key 'absent' not present in vocabulary");
        doesntMatch.Should().Throw<KeyNotFoundException>().WithMessage("Key 'absent' not present in vocabulary");
    }

    [Fact]
    public void Queries_BadArguments_Throw()
    {
        var (vectors, _, _) = Random(words: 5, dims: 2, seed: 13);

        FluentActions.Invoking(() => vectors.MostSimilar(Word(0), topN: -1)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => vectors.MostSimilar(Word(0), restrictVocab: -1)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => vectors.MostSimilar(Array.Empty<string>(), [])).Should().Throw<ArgumentException>().WithMessage("*at least one*");
        FluentActions.Invoking(() => vectors.MostSimilarCosMul([], [Word(1)])).Should().Throw<ArgumentException>().WithMessage("*at least one positive*");
        FluentActions.Invoking(() => vectors.DoesntMatch([])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => vectors.MostSimilar(new float[3], new ScoredWord[2])).Should().Throw<ArgumentException>().WithMessage("*1 × 2 = 2*found 3*");
        FluentActions.Invoking(() => vectors.MostSimilar(new float[4], 2, new ScoredWord[5], topN: 3))
            .Should().Throw<ArgumentException>().WithMessage("*2 × 3 = 6*has 5*");
    }

    private static string Word(int i) => $"w{i}";

    private static (WordVectors Vectors, float[] Matrix, int Dims) Random(int words, int dims, int seed)
    {
        var random = new Random(seed);
        float[] matrix = new float[words * dims];
        for (int i = 0; i < matrix.Length; i++)
        {
            matrix[i] = (float)(random.NextDouble() * 2 - 1);
        }

        string[] keys = Enumerable.Range(0, words).Select(Word).ToArray();
        return (WordVectors.FromMatrix(keys, matrix, dims), matrix, dims);
    }

    private static double[] Row(float[] matrix, int row, int dims) =>
        matrix.AsSpan(row * dims, dims).ToArray().Select(v => (double)v).ToArray();

    private static double[] Unit(double[] v)
    {
        double norm = Math.Sqrt(v.Sum(x => x * x));
        return norm == 0 ? v : v.Select(x => x / norm).ToArray();
    }

    private static double Cosine(double[] x, double[] y)
    {
        double[] ux = Unit(x);
        double[] uy = Unit(y);
        return ux.Zip(uy, (p, q) => p * q).Sum();
    }

    private static double[] ReferenceScores(float[] matrix, int dims, double[] query, int rows) =>
        Enumerable.Range(0, rows).Select(r => Cosine(Row(matrix, r, dims), query)).ToArray();

    // Rank i must carry the reference's i-th best score; the word there must score that too (so ties may swap).
    private static void AssertTopMatches(IReadOnlyList<ScoredWord> actual, double[] referenceScores, int[] exclude, int topN)
    {
        double[] expected = Enumerable.Range(0, referenceScores.Length)
            .Where(i => !exclude.Contains(i))
            .Select(i => referenceScores[i])
            .OrderByDescending(s => s)
            .Take(topN)
            .ToArray();
        actual.Should().HaveCount(expected.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            ((double)actual[i].Score).Should().BeApproximately(expected[i], Tolerance, $"rank {i}");
            referenceScores[actual[i].Index].Should().BeApproximately(expected[i], Tolerance, $"the word at rank {i}");
            actual[i].Word.Should().Be(Word(actual[i].Index));
        }
    }
}
