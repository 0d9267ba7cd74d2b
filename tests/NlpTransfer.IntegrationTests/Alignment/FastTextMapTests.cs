using FluentAssertions;
using NlpTransfer.Alignment;
using NlpTransfer.Embeddings;
using NlpTransfer.Tests.Alignment;
using Xunit;
using Xunit.Abstractions;

namespace NlpTransfer.IntegrationTests.Alignment;

/// <summary>A saved map applied to a fastText .bin model: unknown source words are built from subwords, then mapped.</summary>
public sealed class FastTextMapTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void TryMapWord_UnknownWordOfBinModel_IsMappedThroughItsSubwordVector()
    {
        // Arrange: the KJV model, and a target space that is a random rotation of it; the map is fitted on 500 words
        // and goes through a file.
        string model = SharedData.Require("vectors/fasttext/bible-kjv.d50.bin");
        const string unknown = "godlinesses";
        WordVectors source;
        var raw = new float[50];
        try
        {
            source = WordVectors.Load(model);
            Skip.If(source.Contains(unknown), "the probe word is in the vocabulary");
            Skip.IfNot(source.TryGetOrBuildVector(unknown, raw), "the model builds no vector for the probe word");
        }
        catch (Exception e) when (e is NotSupportedException or NotImplementedException)
        {
            Skip.If(true, $"fastText .bin subword vectors are not in this build yet (word-vectors issue): {e.Message}");
            throw;
        }

        int d = source.Dimensions;
        double[] rotation = RandomRotation(new Random(50), d);
        WordVectors target = WordVectors.FromMatrix(
            source.Keys.Select(k => "T:" + k).ToArray(), MatrixReference.Rotate(source.Matrix, source.Count, d, rotation), d);
        var dictionary = BilingualDictionary.FromPairs(source.Keys.Take(500).Select(k => (k, "T:" + k)));
        string path = Path.Combine(Path.GetTempPath(), $"nlpt-kjv-{Guid.NewGuid():N}.map.json");
        CrossLingualAligner.Align(source, target, dictionary).Map.Save(path);
        CrossLingualMap map = CrossLingualMap.Load(path);
        File.Delete(path);
        using var disposeSource = source;

        // Act
        var mapped = new float[d];
        bool found = map.TryMapWord(source, unknown, mapped);

        // Assert: W·v(unknown) equals the rotation of the subword vector, and its neighbours are those of the original.
        found.Should().BeTrue();
        float[] expected = MatrixReference.Rotate(raw, 1, d, rotation);
        for (int i = 0; i < d; i++)
        {
            mapped[i].Should().BeApproximately(expected[i], 1e-3f * (1 + Math.Abs(expected[i])));
        }

        var retriever = CrossLingualRetriever.Create(source.Matrix, source.Count, target.Matrix, target.Count, d);
        RetrievalResult neighbours = retriever.SearchVectors(mapped, RetrievalMethod.NearestNeighbor, 3);
        string[] words = [.. Enumerable.Range(0, 3).Select(i => target.Keys[neighbours.Indices(0)[i]])];
        output.WriteLine($"{unknown} → {string.Join(", ", words)}");
        var sourceNeighbours = CrossLingualRetriever.Create(source.Matrix, source.Count, source.Matrix, source.Count, d)
            .SearchVectors(raw, RetrievalMethod.NearestNeighbor, 3);
        words.Should().Equal(Enumerable.Range(0, 3).Select(i => "T:" + source.Keys[sourceNeighbours.Indices(0)[i]]));
    }

    private static double[] RandomRotation(Random random, int d)
    {
        var q = new double[d * d];
        for (int i = 0; i < q.Length; i++)
        {
            q[i] = random.NextDouble() - 0.5;
        }

        MatrixReference.Orthonormalize(q, d);
        return q;
    }
}
