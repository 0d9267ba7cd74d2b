using System.Text.Json;
using NlpTransfer.Embeddings;

namespace NlpTransfer.IntegrationTests.Alignment;

/// <summary>The UBiLexAT English/Spanish vectors, MUSE dictionaries and the numpy golden file, loaded once.</summary>
internal static class AlignmentData
{
    private static readonly Dictionary<string, WordVectors> Vectors = new();
    private static readonly Lazy<JsonDocument> GoldenDocument = new(() =>
        JsonDocument.Parse(File.ReadAllText(SharedData.Require("golden/bli-procrustes-ubilexat-es-en.json"))));

    public static JsonElement Golden => GoldenDocument.Value.RootElement;

    public static JsonElement Direction(string direction) =>
        Golden.GetProperty("directions").EnumerateArray().First(d => d.GetProperty("direction").GetString() == direction);

    public static WordVectors LoadVectors(string relativePath)
    {
        string path = SharedData.Require(relativePath);
        lock (Vectors)
        {
            if (!Vectors.TryGetValue(path, out var vectors))
            {
                Vectors[path] = vectors = WordVectors.Load(path);
            }

            return vectors;
        }
    }
}
