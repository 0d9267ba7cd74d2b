using System.Text.Json;
using NlpTransfer.Embeddings;

namespace NlpTransfer.IntegrationTests.Embeddings;

/// <summary>The GloVe 6B-100d top-50k vectors and their gensim golden figures, read once per test run.</summary>
public static class GloveTop50k
{
    public const string VectorsFile = "vectors/glove-100d-top50k.w2v.txt";
    public const string GoldenFile = "golden/gensim-glove100d-top50k.json";

    private static readonly Lazy<WordVectors> LazyVectors = new(() => WordVectors.Load(SharedData.Require(VectorsFile)));
    private static readonly Lazy<JsonElement> LazyGolden = new(
        () => JsonDocument.Parse(File.ReadAllText(SharedData.Require(GoldenFile))).RootElement);

    /// <summary>The vectors; skips the calling test when the data is absent.</summary>
    public static WordVectors Vectors
    {
        get
        {
            SharedData.Require(VectorsFile);
            return LazyVectors.Value;
        }
    }

    /// <summary>The golden JSON; skips the calling test when the data is absent.</summary>
    public static JsonElement Golden
    {
        get
        {
            SharedData.Require(GoldenFile);
            return LazyGolden.Value;
        }
    }
}
