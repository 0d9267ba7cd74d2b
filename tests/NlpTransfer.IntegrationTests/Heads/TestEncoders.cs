using System.Reflection;
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

    /// <summary>The embedded default encoder; skips the test when this build does not have it yet.</summary>
    public static IDocumentEncoder MiniLm()
    {
        IDocumentEncoder? encoder = Default.Value;
        Skip.If(encoder is null, "The default MiniLM encoder (NlpTransfer.Models.MiniLM.MiniLmEncoder) is not in this build. Skipping.");
        return encoder!;
    }

    private static WordVectors LoadVectors(string path) => WordVectors.Load(path);

    private static IDocumentEncoder? CreateMiniLm()
    {
        Type? type = Type.GetType("NlpTransfer.Models.MiniLM.MiniLmEncoder, NlpTransfer.Models.MiniLM");
        MethodInfo? create = type?.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(m => m.Name == "Create" && m.GetParameters().All(p => p.IsOptional));
        return (IDocumentEncoder?)create?.Invoke(null, create.GetParameters().Select(_ => (object?)null).ToArray());
    }
}
