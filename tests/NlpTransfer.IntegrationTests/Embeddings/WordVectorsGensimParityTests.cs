using System.Text.Json;
using FluentAssertions;
using NlpTransfer.Embeddings;
using Xunit;

namespace NlpTransfer.IntegrationTests.Embeddings;

/// <summary>
/// Queries and intrinsic evaluations on GloVe 6B-100d (top 50k words) against gensim 4.2.0's figures
/// (golden/gensim-glove100d-top50k.json). Cosines are float32 in both: scores agree within 1e-5 (the golden file's
/// own bound); correlations within 1e-4 (the bound); analogy counts exactly.
/// </summary>
public sealed class WordVectorsGensimParityTests
{
    private const double ScoreTolerance = 1e-5;

    [SkippableTheory]
    [InlineData("wordsim353", "benchmarks/wordsim353.tsv")]
    [InlineData("simlex999", "benchmarks/simlex999.txt")]
    [InlineData("men3k", "benchmarks/EN-MEN-TR-3k.txt")]
    public void EvaluateWordPairs_GoldenBenchmarks_MatchGensim(string key, string file)
    {
        WordVectors vectors = GloveTop50k.Vectors;
        JsonElement golden = GloveTop50k.Golden.GetProperty("word_pairs").GetProperty(key);

        WordPairEvaluation result = vectors.EvaluateWordPairs(SharedData.Require(file));

        result.PairsUsed.Should().Be(golden.GetProperty("pairs_used").GetInt32());
        result.PairsOutOfVocabulary.Should().Be(golden.GetProperty("pairs_oov").GetInt32());
        result.Pearson.Should().BeApproximately(golden.GetProperty("pearson").GetDouble(), 1e-4);
        result.Spearman.Should().BeApproximately(golden.GetProperty("spearman").GetDouble(), 1e-4);
        result.OovRatioPercent.Should().BeApproximately(golden.GetProperty("oov_ratio_percent").GetDouble(), 1e-9);
        AssertPValue(result.PearsonPValue, golden.GetProperty("pearson_p").GetDouble());
        AssertPValue(result.SpearmanPValue, golden.GetProperty("spearman_p").GetDouble());
    }

    [SkippableFact]
    public void EvaluateAnalogies_QuestionsWords_EqualGensimCountsExactly()
    {
        WordVectors vectors = GloveTop50k.Vectors;
        JsonElement golden = GloveTop50k.Golden.GetProperty("analogies");

        AnalogyEvaluation result = vectors.EvaluateAnalogies(SharedData.Require("benchmarks/questions-words.txt"));

        result.Questions.Should().Be(golden.GetProperty("questions_total").GetInt32());
        result.QuestionsOutOfVocabulary.Should().Be(golden.GetProperty("questions_skipped_oov").GetInt32());
        result.Total.Correct.Should().Be(golden.GetProperty("correct").GetInt32());
        result.Total.Incorrect.Should().Be(golden.GetProperty("incorrect").GetInt32());
        result.Semantic.Correct.Should().Be(golden.GetProperty("semantic").GetProperty("correct").GetInt32());
        result.Syntactic.Correct.Should().Be(golden.GetProperty("syntactic").GetProperty("correct").GetInt32());
        var expectedSections = golden.GetProperty("sections").EnumerateArray()
            .Select(s => (s.GetProperty("section").GetString()!, s.GetProperty("correct").GetInt32(), s.GetProperty("incorrect").GetInt32()))
            .ToArray();
        result.Sections.Select(s => (s.Name, s.Correct, s.Incorrect)).Should().Equal(expectedSections);
    }

    [SkippableFact]
    public void MostSimilar_ProbeWords_EqualGensimUpToTies()
    {
        WordVectors vectors = GloveTop50k.Vectors;
        JsonElement probes = GloveTop50k.Golden.GetProperty("most_similar").GetProperty("probes");

        foreach (JsonElement probe in probes.EnumerateArray())
        {
            string word = probe.GetProperty("word").GetString()!;
            if (probe.TryGetProperty("error", out _))
            {
                var act = () => vectors.MostSimilar(word, topN: 10);
                act.Should().Throw<KeyNotFoundException>().WithMessage($"Key '{word}' not present in vocabulary", $"gensim raised for '{word}'");
                continue;
            }

            AssertSameUpToTies(vectors.MostSimilar(word, topN: 10), probe.GetProperty("result"), word);
        }
    }

    [SkippableFact]
    public void AnalogyAddAndMul_ProbeQuestions_EqualGensimUpToTies()
    {
        WordVectors vectors = GloveTop50k.Vectors;
        JsonElement probes = GloveTop50k.Golden.GetProperty("analogy_probes").GetProperty("probes");

        foreach (JsonElement probe in probes.EnumerateArray())
        {
            string a = probe.GetProperty("a").GetString()!;
            string b = probe.GetProperty("b").GetString()!;
            string c = probe.GetProperty("c").GetString()!;

            AssertSameOrSameError(() => vectors.Analogy(a, b, c, AnalogyMethod.Add, topN: 10), probe.GetProperty("most_similar"), $"{a}:{b}::{c} add");
            AssertSameOrSameError(() => vectors.Analogy(a, b, c, AnalogyMethod.Multiply, topN: 10), probe.GetProperty("most_similar_cosmul"), $"{a}:{b}::{c} mul");
        }
    }

    [SkippableFact]
    public void Similarity_GoldenPairs_WithinFloatRounding()
    {
        WordVectors vectors = GloveTop50k.Vectors;

        foreach (JsonElement pair in GloveTop50k.Golden.GetProperty("similarity").EnumerateArray())
        {
            string w1 = pair.GetProperty("w1").GetString()!;
            string w2 = pair.GetProperty("w2").GetString()!;
            if (pair.TryGetProperty("error", out _))
            {
                var act = () => vectors.Similarity(w1, w2);
                act.Should().Throw<KeyNotFoundException>().WithMessage("Key '*' not present in vocabulary", $"gensim raised for ({w1}, {w2})");
                continue;
            }

            vectors.Similarity(w1, w2).Should().BeApproximately(
                (float)pair.GetProperty("similarity").GetDouble(), (float)ScoreTolerance, $"similarity({w1}, {w2})");
        }
    }

    // gensim's KeyError (an object with "error" instead of a list) is our KeyNotFoundException naming the same key.
    private static void AssertSameOrSameError(Func<IReadOnlyList<ScoredWord>> query, JsonElement expected, string because)
    {
        if (expected.ValueKind == JsonValueKind.Object)
        {
            string key = expected.GetProperty("message").GetString()!.Split('\'')[1];
            query.Should().Throw<KeyNotFoundException>().WithMessage($"Key '{key}' not present*", because);
            return;
        }

        AssertSameUpToTies(query(), expected, because);
    }

    // Same scores rank by rank; a different word is accepted only where gensim's score at that rank ties ours.
    private static void AssertSameUpToTies(IReadOnlyList<ScoredWord> actual, JsonElement expected, string because)
    {
        var golden = expected.EnumerateArray().Select(e => (Word: e[0].GetString()!, Score: e[1].GetDouble())).ToArray();
        actual.Should().HaveCount(golden.Length, because);
        for (int i = 0; i < golden.Length; i++)
        {
            ((double)actual[i].Score).Should().BeApproximately(golden[i].Score, ScoreTolerance, $"{because}, rank {i}");
            if (actual[i].Word != golden[i].Word)
            {
                golden.Should().Contain(g => g.Word == actual[i].Word && Math.Abs(g.Score - actual[i].Score) <= ScoreTolerance,
                    $"{because}: rank {i} is '{actual[i].Word}', gensim has '{golden[i].Word}' and no tie explains it");
            }
        }
    }

    // p-values of 1e-30 come from tail integrals: agree to 1e-3 relative, or both underflow to 0.
    private static void AssertPValue(double actual, double expected)
    {
        if (expected == 0)
        {
            actual.Should().BeLessThan(1e-300);
        }
        else
        {
            (Math.Abs(actual - expected) / expected).Should().BeLessThan(1e-3);
        }
    }
}
