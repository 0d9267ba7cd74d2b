using NlpTransfer.Embeddings;

namespace NlpTransfer.Alignment;

/// <summary>
/// Fits a <see cref="CrossLingualMap"/>: normalise both spaces, solve orthogonal Procrustes on the seed dictionary,
/// then optionally refine (Conneau et al. 2018, "Word Translation Without Parallel Data", §3.4: induce a dictionary of
/// mutual CSLS nearest neighbours among the most frequent words, re-solve on it alone, repeat).
/// </summary>
public static class CrossLingualAligner
{
    /// <summary>Fits a map from <paramref name="source"/> to <paramref name="target"/> on a seed <paramref name="dictionary"/>.</summary>
    /// <param name="source">Source-language vectors (not modified).</param>
    /// <param name="target">Target-language vectors of the same dimension (not modified).</param>
    /// <param name="dictionary">Seed pairs; pairs with a word missing from either vocabulary are skipped and counted.</param>
    /// <param name="options">Normalisation, refinement and matching options; defaults when null.</param>
    /// <param name="progress">Receives each refinement iteration as it finishes.</param>
    /// <param name="cancellationToken">Checked between iterations.</param>
    /// <exception cref="ArgumentException">The two vector sets differ in dimension.</exception>
    /// <exception cref="InvalidDataException">The dictionary is empty or none of its pairs is in both vocabularies.</exception>
    public static AlignmentResult Align(
        WordVectors source, WordVectors target, BilingualDictionary dictionary, AlignmentOptions? options = null,
        IProgress<RefinementIteration>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(dictionary);
        options ??= new AlignmentOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.RefinementIterations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.RefinementVocabulary);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.CslsNeighbors);
        if (source.Dimensions != target.Dimensions)
        {
            throw new ArgumentException(
                $"Dimension mismatch: source vectors have {source.Dimensions} dimensions, target vectors {target.Dimensions}; an orthogonal map needs equal dimensions.");
        }

        string name = dictionary.Path ?? "dictionary";
        if (dictionary.Count == 0)
        {
            throw new InvalidDataException($"{name}: the dictionary is empty; expected 'source target' pairs, one per line.");
        }

        ResolvedDictionary seed = dictionary.Resolve(source, target, options.CaseMode);
        if (seed.Count == 0)
        {
            DictionaryCoverage c = seed.Coverage;
            throw new InvalidDataException(
                $"{name}: none of the {c.PairsTotal} pairs has both words in the vocabularies ({c.PairsMissingSource} source and " +
                $"{c.PairsMissingTarget} target words missing; e.g. '{string.Join("', '", c.MissingExamples.Take(3))}').");
        }

        int d = source.Dimensions;
        EmbeddingNormalizer sourceNormalizer = EmbeddingNormalizer.Fit(source, options.Normalization);
        EmbeddingNormalizer targetNormalizer = EmbeddingNormalizer.Fit(target, options.Normalization);
        float[] x = sourceNormalizer.Apply(source.Matrix, source.Count, d);
        float[] y = targetNormalizer.Apply(target.Matrix, target.Count, d);

        var singularValues = new double[d];
        double[] w = OrthogonalProcrustes.Solve(x, y, d, seed.SourceRows, seed.TargetRows, singularValues);
        int trainingPairs = seed.Count;
        var iterations = new List<RefinementIteration>();
        if (options.RefinementIterations > 0)
        {
            var seedPairs = new HashSet<(int, int)>();
            for (int i = 0; i < seed.Count; i++)
            {
                seedPairs.Add((seed.SourceRows[i], seed.TargetRows[i]));
            }

            int sourceWords = Math.Min(options.RefinementVocabulary, source.Count);
            int targetWords = Math.Min(options.RefinementVocabulary, target.Count);
            for (int iteration = 1; iteration <= options.RefinementIterations; iteration++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (sourceRows, targetRows, meanCosine) = InduceDictionary(x, sourceWords, y, targetWords, d, w, options.CslsNeighbors);
                if (sourceRows.Length == 0)
                {
                    break;
                }

                w = OrthogonalProcrustes.Solve(x, y, d, sourceRows, targetRows, singularValues);
                trainingPairs = sourceRows.Length;
                int recovered = 0;
                for (int i = 0; i < sourceRows.Length; i++)
                {
                    recovered += seedPairs.Contains((sourceRows[i], targetRows[i])) ? 1 : 0;
                }

                var report = new RefinementIteration(iteration, sourceRows.Length, meanCosine, recovered);
                iterations.Add(report);
                progress?.Report(report);
            }
        }

        var map = new CrossLingualMap(
            w, d, sourceNormalizer, targetNormalizer, VectorsFingerprint.Of(source), VectorsFingerprint.Of(target),
            trainingPairs, iterations.Count);
        return new AlignmentResult
        {
            Map = map,
            Coverage = seed.Coverage,
            Iterations = iterations,
            OrthogonalityError = OrthogonalProcrustes.OrthogonalityError(w, d),
            SingularValues = singularValues,
        };
    }

    // Mutual CSLS nearest neighbours among the first sourceWords × targetWords rows under the current W.
    private static (int[] SourceRows, int[] TargetRows, double MeanCosine) InduceDictionary(
        float[] x, int sourceWords, float[] y, int targetWords, int d, double[] w, int cslsNeighbors)
    {
        var wFloat = Array.ConvertAll(w, v => (float)v);
        var mapped = new float[sourceWords * d];
        Numerics.MatrixProduct.MultiplyTransposed(x.AsSpan(0, sourceWords * d), sourceWords, wFloat, d, d, mapped);
        var retriever = CrossLingualRetriever.Create(mapped, sourceWords, y.AsSpan(0, targetWords * d), targetWords, d, cslsNeighbors);
        var (forward, backward) = retriever.BestBothWays(RetrievalMethod.Csls);
        var sourceRows = new List<int>();
        var targetRows = new List<int>();
        double cosineSum = 0;
        for (int s = 0; s < sourceWords; s++)
        {
            int t = forward[s];
            if (t >= 0 && backward[t] == s)
            {
                sourceRows.Add(s);
                targetRows.Add(t);
                cosineSum += retriever.Cosine(s, t);
            }
        }

        return (sourceRows.ToArray(), targetRows.ToArray(), sourceRows.Count == 0 ? double.NaN : cosineSum / sourceRows.Count);
    }
}
