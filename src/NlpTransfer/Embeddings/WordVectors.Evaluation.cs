using System.Buffers;
using System.Globalization;
using System.Numerics.Tensors;

namespace NlpTransfer.Embeddings;

// Intrinsic evaluation with the semantics of gensim's KeyedVectors.evaluate_word_pairs and evaluate_word_analogies.
public sealed partial class WordVectors
{
    // Answers kept per analogy question before the inputs are dropped: gensim asks most_similar for topn=5 and
    // removes the (up to) three input rows from the best 5 + 3.
    private const int AnalogyCandidates = 5;

    // Questions scored per call of the batched search, between progress reports: 16 query blocks, an even share per core.
    private const int AnalogyBatch = 16 * QueryBlock;

    /// <summary>
    /// Correlation of the model's cosine similarities with human similarity judgements read from
    /// <paramref name="path"/>: lines "word1 word2 score" (tab-separated by default), lines starting with '#' are
    /// comments. gensim's <c>evaluate_word_pairs</c> with the same defaults.
    /// </summary>
    /// <param name="path">A word-pair file such as WordSim-353, SimLex-999 or MEN (UTF-8).</param>
    /// <param name="options">Delimiter, vocabulary restriction, case folding; null for gensim's defaults.</param>
    /// <exception cref="InvalidDataException">The file holds no usable pair (all malformed or all out of vocabulary).</exception>
    public WordPairEvaluation EvaluateWordPairs(string path, WordPairEvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return EvaluateWordPairs(reader, path, options);
    }

    /// <summary>As <see cref="EvaluateWordPairs(string, WordPairEvaluationOptions?)"/>, reading from <paramref name="reader"/> (not disposed).</summary>
    /// <param name="reader">The word-pair lines.</param>
    /// <param name="name">Names the source in the result and in error messages.</param>
    /// <param name="options">Null for gensim's defaults.</param>
    public WordPairEvaluation EvaluateWordPairs(TextReader reader, string name, WordPairEvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(name);
        options ??= new WordPairEvaluationOptions();
        var vocabulary = new EvaluationVocabulary(_keys, options.RestrictVocab, options.CaseInsensitive);
        var gold = new List<double>();
        var model = new List<double>();
        int oov = 0;
        int skipped = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string[] fields = options.Delimiter is null
                ? line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                : line.Split(options.Delimiter);
            if (fields.Length != 3 || !TryParsePythonFloat(fields[2], out double score))
            {
                skipped++;
                continue;
            }

            int a = vocabulary.Find(vocabulary.Fold(fields[0]));
            int b = vocabulary.Find(vocabulary.Fold(fields[1]));
            if (a < 0 || b < 0)
            {
                oov++;
                if (options.Dummy4Unknown)
                {
                    gold.Add(score);
                    model.Add(0.0);
                }

                continue;
            }

            gold.Add(score);
            model.Add(TensorPrimitives.Dot(UnitRow(a), UnitRow(b)));
        }

        if (gold.Count == 0)
        {
            throw new InvalidDataException(
                $"{name}: no usable similarity judgement: {skipped} malformed lines (expected 'word1<delimiter>word2<delimiter>score'), {oov} pairs out of vocabulary.");
        }

        double[] goldValues = [.. gold];
        double[] modelValues = [.. model];
        double pearson = EvaluationStatistics.Pearson(goldValues, modelValues);
        double spearman = EvaluationStatistics.Spearman(goldValues, modelValues);
        return new WordPairEvaluation
        {
            Name = name,
            PairsUsed = gold.Count,
            PairsOutOfVocabulary = oov,
            SkippedLines = skipped,
            Pearson = pearson,
            PearsonPValue = EvaluationStatistics.PearsonPValue(pearson, gold.Count),
            Spearman = spearman,
            SpearmanPValue = EvaluationStatistics.SpearmanPValue(spearman, gold.Count),
            OovRatioPercent = options.Dummy4Unknown ? 100.0 * oov / gold.Count : 100.0 * oov / (gold.Count + oov),
        };
    }

    /// <summary>
    /// Accuracy on analogy questions in the questions-words format (sections ": name", then "a b c d" lines meaning
    /// a is to b as c is to d): gensim's <c>evaluate_word_analogies</c>. A question with a word outside the first
    /// RestrictVocab words is skipped (and counted); otherwise the prediction is the best answer of
    /// <c>MostSimilar([b, c], [a], topN: 5, restrictVocab)</c> whose word is not a, b or c, and it is correct when it
    /// equals d. All questions are answered in blocks with matrix products on every core.
    /// </summary>
    /// <param name="path">A questions-words file (UTF-8).</param>
    /// <param name="options">Vocabulary restriction, case folding, method; null for gensim's defaults.</param>
    /// <exception cref="InvalidDataException">A question comes before the first section line.</exception>
    public AnalogyEvaluation EvaluateAnalogies(string path, AnalogyEvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return EvaluateAnalogies(reader, path, options);
    }

    /// <summary>As <see cref="EvaluateAnalogies(string, AnalogyEvaluationOptions?)"/>, reading from <paramref name="reader"/> (not disposed).</summary>
    /// <param name="reader">The questions.</param>
    /// <param name="name">Names the source in the result and in error messages.</param>
    /// <param name="options">Null for gensim's defaults.</param>
    public AnalogyEvaluation EvaluateAnalogies(TextReader reader, string name, AnalogyEvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(name);
        options ??= new AnalogyEvaluationOptions();
        if (options.Method is not (AnalogyMethod.Add or AnalogyMethod.Multiply))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Method, "Expected AnalogyMethod.Add or Multiply.");
        }

        var vocabulary = new EvaluationVocabulary(_keys, options.RestrictVocab, options.CaseInsensitive);
        var sectionNames = new List<string>();
        var correct = new List<int>();
        var incorrect = new List<int>();
        var questions = new List<AnalogyQuestion>();
        int total = 0;
        int oov = 0;
        int skipped = 0;
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.StartsWith(": ", StringComparison.Ordinal))
            {
                sectionNames.Add(line.TrimStart(':', ' ').Trim());
                correct.Add(0);
                incorrect.Add(0);
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (sectionNames.Count == 0)
            {
                throw new InvalidDataException(
                    $"{name}:{lineNumber}: expected a section line ': name' before the first question, found '{Shorten(line)}'.");
            }

            string[] words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length != 4)
            {
                skipped++;
                continue;
            }

            total++;
            int section = sectionNames.Count - 1;
            int a = vocabulary.Find(vocabulary.Fold(words[0]));
            int b = vocabulary.Find(vocabulary.Fold(words[1]));
            int c = vocabulary.Find(vocabulary.Fold(words[2]));
            int d = vocabulary.Find(vocabulary.Fold(words[3]));
            if (a < 0 || b < 0 || c < 0 || d < 0)
            {
                oov++;
                if (options.Dummy4Unknown)
                {
                    incorrect[section]++;
                }

                continue;
            }

            questions.Add(new AnalogyQuestion(section, a, b, c, d));
        }

        AnswerAnalogies(questions, vocabulary, options, correct, incorrect);

        var sections = new AnalogyEvaluationSection[sectionNames.Count];
        for (int s = 0; s < sections.Length; s++)
        {
            sections[s] = new AnalogyEvaluationSection(sectionNames[s], correct[s], incorrect[s]);
        }

        return new AnalogyEvaluation
        {
            Name = name,
            Method = options.Method,
            Sections = sections,
            Total = Sum("Total accuracy", sections, _ => true),
            Semantic = Sum("semantic", sections, s => !s.Name.StartsWith("gram", StringComparison.Ordinal)),
            Syntactic = Sum("syntactic", sections, s => s.Name.StartsWith("gram", StringComparison.Ordinal)),
            Questions = total,
            QuestionsOutOfVocabulary = oov,
            SkippedLines = skipped,
        };
    }

    private void AnswerAnalogies(
        List<AnalogyQuestion> questions, EvaluationVocabulary vocabulary, AnalogyEvaluationOptions options,
        List<int> correct, List<int> incorrect)
    {
        int rows = vocabulary.Rows;
        int k = Math.Min(AnalogyCandidates + 3, rows);
        int batch = Math.Min(AnalogyBatch, questions.Count);
        if (batch == 0)
        {
            return;
        }

        bool multiply = options.Method == AnalogyMethod.Multiply;
        int vectorsPerQuestion = multiply ? 3 : 1;
        float[] queries = ArrayPool<float>.Shared.Rent(batch * vectorsPerQuestion * Dimensions);
        int[] indices = ArrayPool<int>.Shared.Rent(batch * k);
        float[] scores = ArrayPool<float>.Shared.Rent(batch * k);
        int[] inputs = new int[3];
        try
        {
            float[] unit = UnitArray;
            for (int start = 0; start < questions.Count; start += batch)
            {
                int count = Math.Min(batch, questions.Count - start);
                for (int q = 0; q < count; q++)
                {
                    AnalogyQuestion question = questions[start + q];
                    inputs[0] = question.B;
                    inputs[1] = question.C;
                    inputs[2] = question.A;
                    if (multiply)
                    {
                        for (int t = 0; t < 3; t++)
                        {
                            UnitRow(inputs[t]).CopyTo(queries.AsSpan((3 * q + t) * Dimensions, Dimensions));
                        }
                    }
                    else
                    {
                        CombineUnitRows(inputs, positiveCount: 2, queries.AsSpan(q * Dimensions, Dimensions));
                    }
                }

                IChunkScorer scorer = multiply
                    ? new CosMulAnalogyScorer(queries, unit, Dimensions)
                    : new CosineScorer(queries, unit, Dimensions);
                SearchBatch(scorer, count, rows, k, indices, scores);

                for (int q = 0; q < count; q++)
                {
                    AnalogyQuestion question = questions[start + q];
                    if (Predict(indices.AsSpan(q * k, k), question, vocabulary.Canonical) == question.D)
                    {
                        correct[question.Section]++;
                    }
                    else
                    {
                        incorrect[question.Section]++;
                    }
                }

                options.Progress?.Report(start + count);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(queries);
            ArrayPool<int>.Shared.Return(indices);
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    /// <summary>
    /// gensim's choice: of the best k rows, drop the input rows and keep the first 5; the prediction is the first of
    /// those whose (folded) word is not a, b or c — or the last of them when all are. Returns its canonical row.
    /// </summary>
    private static int Predict(ReadOnlySpan<int> best, AnalogyQuestion question, int[] canonical)
    {
        int predicted = -1;
        int kept = 0;
        foreach (int row in best)
        {
            if (kept == AnalogyCandidates)
            {
                break;
            }

            if (row == question.A || row == question.B || row == question.C)
            {
                continue;
            }

            kept++;
            predicted = canonical[row];
            if (predicted != question.A && predicted != question.B && predicted != question.C)
            {
                break;
            }
        }

        return predicted;
    }

    private static AnalogyEvaluationSection Sum(
        string name, AnalogyEvaluationSection[] sections, Func<AnalogyEvaluationSection, bool> include)
    {
        int correct = 0;
        int incorrect = 0;
        foreach (AnalogyEvaluationSection section in sections)
        {
            if (include(section))
            {
                correct += section.Correct;
                incorrect += section.Incorrect;
            }
        }

        return new AnalogyEvaluationSection(name, correct, incorrect);
    }

    // Python's float(): surrounding whitespace allowed, invariant digits, inf/nan spelled out.
    private static bool TryParsePythonFloat(string text, out double value) =>
        double.TryParse(text.AsSpan().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static string Shorten(string line) => line.Length <= 60 ? line : string.Concat(line.AsSpan(0, 60), "…");

    /// <summary>One in-vocabulary question; words are canonical rows of the evaluation vocabulary.</summary>
    private readonly record struct AnalogyQuestion(int Section, int A, int B, int C, int D);
}
