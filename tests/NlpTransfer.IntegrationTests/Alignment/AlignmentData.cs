using System.Globalization;
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
                Vectors[path] = vectors = ReadWord2VecText(path);
            }

            return vectors;
        }
    }

    // Until WordVectors.Load lands from the word-vectors issue: a plain word2vec text reader.
    private static WordVectors ReadWord2VecText(string path)
    {
        using var reader = new StreamReader(path);
        string[] header = reader.ReadLine()!.Split(' ');
        int count = int.Parse(header[0], CultureInfo.InvariantCulture), dimensions = int.Parse(header[1], CultureInfo.InvariantCulture);
        var keys = new List<string>(count);
        var matrix = new float[count * dimensions];
        for (int i = 0; i < count; i++)
        {
            string[] parts = reader.ReadLine()!.TrimEnd().Split(' ');
            keys.Add(parts[0]);
            for (int d = 0; d < dimensions; d++)
            {
                matrix[i * dimensions + d] = float.Parse(parts[d + 1], CultureInfo.InvariantCulture);
            }
        }

        return WordVectors.FromMatrix(keys, matrix, dimensions);
    }
}
