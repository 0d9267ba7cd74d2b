using NlpTransfer.Embeddings;

namespace NlpTransfer.Alignment;

/// <summary>
/// Bilingual lexicon induction (word translation retrieval) evaluation as in Conneau et al. 2018: each test source
/// word is mapped, its nearest target words retrieved over the whole target vocabulary, and it counts as correct at k
/// when any of its gold translations is among the first k.
/// </summary>
public static class BilingualLexiconInduction
{
    /// <summary>Evaluates <paramref name="map"/> (or no map: the two spaces are already aligned) on a test dictionary.</summary>
    /// <param name="source">Source vectors (raw; the map's source normalisation is applied).</param>
    /// <param name="target">Target vectors (raw; the map's target normalisation is applied).</param>
    /// <param name="test">Test dictionary, MUSE format.</param>
    /// <param name="map">The map, or null to compare the spaces as they are.</param>
    /// <param name="options">Retrieval options; defaults when null.</param>
    /// <exception cref="ArgumentException">A dimension differs from the map's or between the two spaces.</exception>
    /// <exception cref="InvalidDataException">The test dictionary is empty or has no word to evaluate.</exception>
    public static BliReport Evaluate(
        WordVectors source, WordVectors target, BilingualDictionary test, CrossLingualMap? map = null, BliOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(test);
        options ??= new BliOptions();
        CrossLingualRetriever retriever = CreateRetriever(source, target, map, options.CslsNeighbors);
        return Evaluate(retriever, source, target, test, options);
    }

    /// <summary>
    /// Evaluates with a prepared <paramref name="retriever"/> whose source rows are <paramref name="source"/>'s rows
    /// mapped and whose target rows are <paramref name="target"/>'s rows (so that several evaluations share the
    /// CSLS neighbourhood terms).
    /// </summary>
    public static BliReport Evaluate(
        CrossLingualRetriever retriever, WordVectors source, WordVectors target, BilingualDictionary test, BliOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(retriever);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(test);
        options ??= new BliOptions();
        string name = test.Path ?? "test dictionary";
        if (test.Count == 0)
        {
            throw new InvalidDataException($"{name}: the dictionary is empty; expected 'source target' pairs, one per line.");
        }

        var sourceLookup = new VocabularyLookup(source, options.CaseMode);
        var targetLookup = new VocabularyLookup(target, options.CaseMode);
        var queries = new List<int>();
        var words = new List<string>();
        var golds = new List<int[]>();
        int inVocabulary = 0, pairsInVocabulary = 0;
        var groups = test.GroupBySource();
        foreach (var (word, translations) in groups)
        {
            int row = sourceLookup.Find(word);
            if (row < 0)
            {
                continue;
            }

            inVocabulary++;
            var gold = new List<int>();
            foreach (string translation in translations)
            {
                int t = targetLookup.Find(translation);
                if (t >= 0 && !gold.Contains(t))
                {
                    gold.Add(t);
                }
            }

            pairsInVocabulary += translations.Count(t => targetLookup.Find(t) >= 0);
            if (gold.Count > 0)
            {
                queries.Add(row);
                words.Add(word);
                golds.Add(gold.ToArray());
            }
        }

        if (queries.Count == 0)
        {
            throw new InvalidDataException(
                $"{name}: no test word can be evaluated: {inVocabulary} of {groups.Count} source words are in the source vocabulary and none has a gold translation in the target vocabulary.");
        }

        int k = Math.Max(10, options.Candidates);
        RetrievalResult result = retriever.Search(queries, options.Method, k);
        int hits1 = 0, hits5 = 0, hits10 = 0;
        var predictions = new BliPrediction[queries.Count];
        for (int q = 0; q < queries.Count; q++)
        {
            ReadOnlySpan<int> found = result.Indices(q);
            int rank = 0;
            for (int i = 0; i < found.Length && rank == 0; i++)
            {
                if (found[i] >= 0 && Array.IndexOf(golds[q], found[i]) >= 0)
                {
                    rank = i + 1;
                }
            }

            hits1 += rank == 1 ? 1 : 0;
            hits5 += rank is >= 1 and <= 5 ? 1 : 0;
            hits10 += rank is >= 1 and <= 10 ? 1 : 0;
            var candidates = new List<string>(k);
            var scores = new List<float>(k);
            for (int i = 0; i < found.Length && found[i] >= 0; i++)
            {
                candidates.Add(target.Keys[found[i]]);
                scores.Add(result.Scores(q)[i]);
            }

            predictions[q] = new BliPrediction(words[q], candidates, scores, golds[q].Select(t => target.Keys[t]).ToArray(), rank);
        }

        double n = queries.Count;
        return new BliReport
        {
            Method = options.Method,
            PrecisionAt1 = hits1 / n,
            PrecisionAt5 = hits5 / n,
            PrecisionAt10 = hits10 / n,
            HitsAt1 = hits1,
            HitsAt5 = hits5,
            HitsAt10 = hits10,
            TestPairs = test.Count,
            TestPairsInVocabulary = pairsInVocabulary,
            TestSources = groups.Count,
            TestSourcesInVocabulary = inVocabulary,
            Evaluated = queries.Count,
            Predictions = predictions,
        };
    }

    /// <summary>
    /// A retriever between <paramref name="source"/> mapped by <paramref name="map"/> (or as it is) and
    /// <paramref name="target"/> normalised as the map expects.
    /// </summary>
    /// <exception cref="ArgumentException">A dimension differs from the map's or between the two spaces.</exception>
    public static CrossLingualRetriever CreateRetriever(WordVectors source, WordVectors target, CrossLingualMap? map, int cslsNeighbors = 10)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (map is null)
        {
            return CrossLingualRetriever.Create(source, target, cslsNeighbors);
        }

        if (source.Dimensions != map.Dimensions || target.Dimensions != map.Dimensions)
        {
            throw new ArgumentException(
                $"Dimension mismatch: the map is {map.Dimensions}-dimensional, the source vectors have {source.Dimensions} dimensions and the target vectors {target.Dimensions}.");
        }

        float[] mapped = map.MapMatrix(source.Matrix, source.Count);
        float[] targets = map.TargetNormalizer.Apply(target.Matrix, target.Count, target.Dimensions);
        return CrossLingualRetriever.Create(mapped, source.Count, targets, target.Count, map.Dimensions, cslsNeighbors);
    }
}
