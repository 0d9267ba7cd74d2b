using NlpTransfer.Embeddings;
using NlpTransfer.Encoders;
using Xunit;

namespace NlpTransfer.IntegrationTests.Heads;

/// <summary>The encoders of the head tests, built once per test run, and a feature cache shared across runs.</summary>
internal static class TestEncoders
{
    private static readonly Lazy<WordVectorEncoder> Glove = new(() =>
        WordVectorEncoder.Create(LoadVectors(SharedData.Require("vectors/glove-100d-top50k.w2v.txt"))));

    private static readonly Lazy<IDocumentEncoder?> Default = new(CreateMiniLm);

    /// <summary>A cache folder under the system temp folder: encoder outputs survive between test runs.</summary>
    public static string CacheDirectory { get; } = Path.Combine(Path.GetTempPath(), "nlpt-integration-feature-cache");

    /// <summary>Mean of GloVe 100d vectors, letter-run tokens, lower-cased (the scikit-learn reference's features).</summary>
    public static WordVectorEncoder MeanGlove() => Glove.Value;

    /// <summary>The embedded default encoder (all-MiniLM-L6-v2), shared by the tests of one run.</summary>
    public static IDocumentEncoder MiniLm() => Default.Value!;

    private static WordVectors LoadVectors(string path) => WordVectors.Load(path);

    private static IDocumentEncoder? CreateMiniLm() => NlpTransfer.Models.MiniLM.MiniLmEncoder.Create();
}
