// Cross-lingual alignment in three steps: fit an orthogonal map on a seed dictionary, evaluate it on a test
// dictionary (P@1/5/10, NN and CSLS), then translate the words given on the command line.
//
//   dotnet run --project examples/CrossLingualAlignment -- <source-vectors> <target-vectors> <train-dictionary>
//       <test-dictionary> [--normalize unit,center,unit] [--refine N] [--save map.json] [word ...]
using System.Diagnostics;
using NlpTransfer.Alignment;
using NlpTransfer.Embeddings;

var positional = new List<string>();
string normalize = "unit,center,unit";
int refine = 0;
string? save = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--normalize" when i + 1 < args.Length:
            normalize = args[++i];
            break;
        case "--refine" when i + 1 < args.Length:
            refine = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--save" when i + 1 < args.Length:
            save = args[++i];
            break;
        default:
            positional.Add(args[i]);
            break;
    }
}

if (positional.Count < 4)
{
    Console.Error.WriteLine("usage: CrossLingualAlignment <source-vectors> <target-vectors> <train-dictionary> <test-dictionary> " +
                            "[--normalize unit,center,unit] [--refine N] [--save map.json] [word ...]");
    return 2;
}

var clock = Stopwatch.StartNew();
using WordVectors source = WordVectors.Load(positional[0]);
using WordVectors target = WordVectors.Load(positional[1]);
BilingualDictionary train = BilingualDictionary.Load(positional[2]);
BilingualDictionary test = BilingualDictionary.Load(positional[3]);
Console.WriteLine($"source {source.Count} × {source.Dimensions}, target {target.Count} × {target.Dimensions}");

// 1. Align.
var options = new AlignmentOptions { Normalization = EmbeddingNormalizer.ParseSteps(normalize), RefinementIterations = refine };
AlignmentResult result = CrossLingualAligner.Align(source, target, train, options);
Console.WriteLine($"Procrustes on {result.Coverage.PairsUsed} of {result.Coverage.PairsTotal} seed pairs ({normalize}); " +
                  $"|WᵀW − I| = {result.OrthogonalityError:E1}");
foreach (RefinementIteration it in result.Iterations)
{
    Console.WriteLine($"  refinement {it.Iteration}: {it.DictionarySize} mutual CSLS pairs, mean cosine {it.MeanCosine:F4}");
}

if (save is not null)
{
    result.Map.Save(save);
    Console.WriteLine($"map written to {save}");
}

// 2. Evaluate (one retriever: the CSLS neighbourhood terms are computed once for both methods).
CrossLingualRetriever retriever = BilingualLexiconInduction.CreateRetriever(source, target, result.Map);
foreach (RetrievalMethod method in new[] { RetrievalMethod.NearestNeighbor, RetrievalMethod.Csls })
{
    BliReport r = BilingualLexiconInduction.Evaluate(retriever, source, target, test, new BliOptions { Method = method });
    Console.WriteLine($"{method,-16} P@1 {r.PrecisionAt1:P1}  P@5 {r.PrecisionAt5:P1}  P@10 {r.PrecisionAt10:P1}  " +
                      $"({r.Evaluated} of {r.TestSources} test words evaluable)");
}

// 3. Translate: map each word (a fastText .bin also builds unknown words from subwords), then CSLS over the target.
var mapped = new float[result.Map.Dimensions];
foreach (string word in positional.Skip(4))
{
    if (!result.Map.TryMapWord(source, word, mapped))
    {
        Console.WriteLine($"{word}: not in the source vocabulary");
        continue;
    }

    RetrievalResult found = retriever.SearchVectors(mapped, RetrievalMethod.Csls, 5);
    var translations = new List<string>();
    for (int i = 0; i < found.K && found.Indices(0)[i] >= 0; i++)
    {
        translations.Add($"{target.Keys[found.Indices(0)[i]]} ({found.Scores(0)[i]:F3})");
    }

    Console.WriteLine($"{word} → {string.Join(", ", translations)}");
}

Console.WriteLine($"done in {clock.Elapsed.TotalSeconds:F1} s");
return 0;
