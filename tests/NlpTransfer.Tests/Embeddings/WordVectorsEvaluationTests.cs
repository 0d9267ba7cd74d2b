using FluentAssertions;
using NlpTransfer.Embeddings;
using Xunit;

namespace NlpTransfer.Tests.Embeddings;

/// <summary>
/// Word-pair and analogy evaluation on small hand-built vocabularies whose answers are known, with gensim's
/// file conventions and defaults.
/// </summary>
public sealed class WordVectorsEvaluationTests
{
    private static readonly string InvalidData = Path.Combine(AppContext.BaseDirectory, "TestData", "invalid");

    // Six words on a circle: cosine falls with angular distance, so the model's ranking is known.
    private static WordVectors Circle()
    {
        string[] keys = ["a", "b", "c", "d", "e", "f"];
        var matrix = new float[keys.Length * 2];
        for (int i = 0; i < keys.Length; i++)
        {
            matrix[2 * i] = MathF.Cos(i * 0.3f);
            matrix[2 * i + 1] = MathF.Sin(i * 0.3f);
        }

        return WordVectors.FromMatrix(keys, matrix, 2);
    }

    [Fact]
    public void EvaluateWordPairs_CommentsAndTabs_CorrelationsOfCosines()
    {
        WordVectors vectors = Circle();
        const string pairs = "# a comment\n# another\na\tb\t9\nA\tc\t8\na\td\t7.5\na\te\t4\na\tf\t6\n";

        WordPairEvaluation result = vectors.EvaluateWordPairs(new StringReader(pairs), "pairs.tsv");

        // The cosine falls with the angle (1..5 steps); the human scores too, except that a-e is judged below a-f.
        double[] gold = [9, 8, 7.5, 4, 6];
        double[] model = [Cos(1), Cos(2), Cos(3), Cos(4), Cos(5)];
        result.Name.Should().Be("pairs.tsv");
        result.PairsUsed.Should().Be(5);
        result.PairsOutOfVocabulary.Should().Be(0);
        result.Pearson.Should().BeApproximately(EvaluationStatistics.Pearson(gold, model), 1e-6);
        result.Spearman.Should().BeApproximately(0.9, 1e-12, "1 − 6·Σd²/(n(n²−1)) with Σd² = 2, n = 5");
    }

    [Fact]
    public void EvaluateWordPairs_UnknownWords_SkippedOrScoredZeroWithGensimOovRatio()
    {
        WordVectors vectors = Circle();
        const string pairs = "a\tb\t9\na\tzzz\t5\na\tc\t8\nb\tf\t1\n";

        WordPairEvaluation skipped = vectors.EvaluateWordPairs(new StringReader(pairs), "p");
        WordPairEvaluation dummy = vectors.EvaluateWordPairs(new StringReader(pairs), "p", new WordPairEvaluationOptions { Dummy4Unknown = true });

        skipped.PairsUsed.Should().Be(3);
        skipped.PairsOutOfVocabulary.Should().Be(1);
        skipped.OovRatioPercent.Should().BeApproximately(25.0, 1e-12);
        dummy.PairsUsed.Should().Be(4);
        dummy.OovRatioPercent.Should().BeApproximately(100.0 / 4, 1e-12, "gensim divides by the pairs used when dummy4unknown");
    }

    [Fact]
    public void EvaluateWordPairs_CaseSensitive_UpperCaseWordIsUnknown()
    {
        WordVectors vectors = Circle();
        const string pairs = "a\tb\t9\nA\tc\t8\na\td\t7\n";

        WordPairEvaluation result = vectors.EvaluateWordPairs(new StringReader(pairs), "p", new WordPairEvaluationOptions { CaseInsensitive = false });

        result.PairsOutOfVocabulary.Should().Be(1);
    }

    [Fact]
    public void EvaluateWordPairs_WhitespaceDelimiter_ReadsSpaceSeparatedLines()
    {
        WordVectors vectors = Circle();
        const string pairs = "a b 9\na  c   8\na d 7\nmalformed line\n";

        WordPairEvaluation result = vectors.EvaluateWordPairs(new StringReader(pairs), "p", new WordPairEvaluationOptions { Delimiter = null });

        result.PairsUsed.Should().Be(3);
        result.SkippedLines.Should().Be(1);
        result.Spearman.Should().BeApproximately(1.0, 1e-12);
    }

    [Fact]
    public void EvaluateWordPairs_RestrictVocab_LaterWordsAreUnknown()
    {
        WordVectors vectors = Circle();
        const string pairs = "a\tb\t9\na\tc\t8\na\tf\t1\n";

        WordPairEvaluation result = vectors.EvaluateWordPairs(new StringReader(pairs), "p", new WordPairEvaluationOptions { RestrictVocab = 3 });

        result.PairsUsed.Should().Be(2);
        result.PairsOutOfVocabulary.Should().Be(1);
    }

    [Fact]
    public void EvaluateWordPairs_NoUsablePair_ThrowsNamingTheFile()
    {
        string path = Path.Combine(InvalidData, "word-pairs-no-usable-pair.tsv");

        var act = () => Circle().EvaluateWordPairs(path);

        act.Should().Throw<InvalidDataException>()
            .WithMessage($"{path}: no usable similarity judgement: 2 malformed lines (expected 'word1<delimiter>word2<delimiter>score'), 0 pairs out of vocabulary.");
    }

    [Fact]
    public void EvaluateAnalogies_Sections_CountCorrectIncorrectAndOov()
    {
        WordVectors vectors = Analogies();
        const string questions =
            ": family\nman king woman queen\nman king woman apple\nMAN KING WOMAN QUEEN\n" +
            ": gram-none\nman king woman unknown\nnot four words\n: empty\n";

        AnalogyEvaluation result = vectors.EvaluateAnalogies(new StringReader(questions), "q.txt");

        result.Sections.Should().Equal(
            new AnalogyEvaluationSection("family", 2, 1),
            new AnalogyEvaluationSection("gram-none", 0, 0),
            new AnalogyEvaluationSection("empty", 0, 0));
        result.Total.Should().Be(new AnalogyEvaluationSection("Total accuracy", 2, 1));
        result.Semantic.Correct.Should().Be(2);
        result.Syntactic.Evaluated.Should().Be(0);
        result.Questions.Should().Be(4);
        result.QuestionsOutOfVocabulary.Should().Be(1);
        result.SkippedLines.Should().Be(1);
        result.Accuracy.Should().BeApproximately(2.0 / 3, 1e-12);
    }

    [Fact]
    public void EvaluateAnalogies_Dummy4Unknown_CountsOovAsIncorrect()
    {
        const string questions = ": s\nman king woman queen\nman king woman unknown\n";

        AnalogyEvaluation result = Analogies().EvaluateAnalogies(new StringReader(questions), "q", new AnalogyEvaluationOptions { Dummy4Unknown = true });

        result.Total.Should().Be(new AnalogyEvaluationSection("Total accuracy", 1, 1));
    }

    [Fact]
    public void EvaluateAnalogies_CaseInsensitive_FirstCasingWins()
    {
        // "Queen" (row 3) is the first casing of QUEEN; the lower-case row 6 points elsewhere and is never used.
        var vectors = WordVectors.FromMatrix(
            ["man", "woman", "king", "Queen", "apple", "car", "queen"],
            [
                1f, 0f, 0f, 0f,
                0f, 1f, 0f, 0f,
                1f, 0f, 1f, 0f,
                0f, 1f, 1f, 0f,
                0f, 0f, 0f, 1f,
                0f, 0f, -1f, 1f,
                0f, 0f, 0f, -1f,
            ],
            dimensions: 4);

        AnalogyEvaluation insensitive = vectors.EvaluateAnalogies(new StringReader(": s\nman king woman queen\n"), "q");
        AnalogyEvaluation sensitive = vectors.EvaluateAnalogies(
            new StringReader(": s\nman king woman queen\n"), "q", new AnalogyEvaluationOptions { CaseInsensitive = false });

        insensitive.Total.Correct.Should().Be(1, "QUEEN maps to row 3, the constructed answer");
        sensitive.Total.Incorrect.Should().Be(1, "the prediction 'Queen' is not the expected 'queen'");
    }

    [Fact]
    public void EvaluateAnalogies_RestrictVocab_AnswerOutsideIsOov()
    {
        const string questions = ": s\nman king woman queen\n";

        AnalogyEvaluation result = Analogies().EvaluateAnalogies(new StringReader(questions), "q", new AnalogyEvaluationOptions { RestrictVocab = 3 });

        result.QuestionsOutOfVocabulary.Should().Be(1);
        result.Total.Evaluated.Should().Be(0);
    }

    [Fact]
    public void EvaluateAnalogies_Multiply_AnswersTheConstructedQuestion()
    {
        const string questions = ": s\nman king woman queen\nwoman queen man king\n";

        AnalogyEvaluation result = Analogies().EvaluateAnalogies(new StringReader(questions), "q", new AnalogyEvaluationOptions { Method = AnalogyMethod.Multiply });

        result.Method.Should().Be(AnalogyMethod.Multiply);
        result.Total.Correct.Should().Be(2);
    }

    [Fact]
    public void EvaluateAnalogies_BatchedOverManyQuestions_EqualsAnalogyQueryOneByOne()
    {
        var random = new Random(21);
        const int words = 400;
        const int dims = 6;
        float[] matrix = Enumerable.Range(0, words * dims).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        string[] keys = Enumerable.Range(0, words).Select(i => $"w{i}").ToArray();
        var vectors = WordVectors.FromMatrix(keys, matrix, dims);
        var lines = new List<string> { ": random" };
        int expectedCorrect = 0;
        for (int q = 0; q < 1500; q++)
        {
            int a = random.Next(words), b = random.Next(words), c = random.Next(words);
            if (a == b || b == c || a == c)
            {
                continue;
            }

            // Half of the questions expect the true 3CosAdd answer, half a random word.
            string answer = vectors.Analogy(keys[a], keys[b], keys[c], topN: 1)[0].Word;
            string expected = q % 2 == 0 ? answer : keys[random.Next(words)];
            expectedCorrect += expected == answer ? 1 : 0;
            lines.Add($"{keys[a]} {keys[b]} {keys[c]} {expected}");
        }

        AnalogyEvaluation result = vectors.EvaluateAnalogies(new StringReader(string.Join('\n', lines)), "q", new AnalogyEvaluationOptions { CaseInsensitive = false });

        result.Total.Correct.Should().Be(expectedCorrect);
        result.Total.Evaluated.Should().Be(lines.Count - 1);
    }

    [Fact]
    public void EvaluateAnalogies_Progress_ReportsQuestionsAnswered()
    {
        var reports = new List<int>();
        const string questions = ": s\nman king woman queen\nwoman queen man king\nman king woman zebra\n";

        Analogies().EvaluateAnalogies(new StringReader(questions), "q", new AnalogyEvaluationOptions { Progress = new SynchronousProgress(reports) });

        reports.Should().Equal(2);
    }

    [Fact]
    public void EvaluateAnalogies_QuestionBeforeSection_ThrowsNamingFileAndLine()
    {
        string path = Path.Combine(InvalidData, "analogies-question-before-section.txt");

        var act = () => Analogies().EvaluateAnalogies(path);

        act.Should().Throw<InvalidDataException>()
            .WithMessage($"{path}:1: expected a section line ': name' before the first question, found 'Athens Greece Baghdad Iraq'.");
    }

    [Fact]
    public void EvaluateAnalogies_RestrictVocabZero_Throws()
    {
        var act = () => Analogies().EvaluateAnalogies(new StringReader(": s\n"), "q", new AnalogyEvaluationOptions { RestrictVocab = 0 });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static double Cos(int steps) => Math.Cos(steps * 0.3f);

    private static WordVectors Analogies() => WordVectors.FromMatrix(
        ["man", "woman", "king", "queen", "apple", "car"],
        [
            1f, 0f, 0f, 0f,
            0f, 1f, 0f, 0f,
            1f, 0f, 1f, 0f,
            0f, 1f, 1f, 0f,
            0f, 0f, 0f, 1f,
            0f, 0f, -1f, 1f,
        ],
        dimensions: 4);

    private sealed class SynchronousProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value) => reports.Add(value);
    }
}
