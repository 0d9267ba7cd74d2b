using System.Globalization;
using System.Text.Json;
using NlpTransfer.Embeddings;

namespace NlpTransfer.IntegrationTests.Embeddings;

/// <summary>The GloVe 6B-100d top-50k vectors and their gensim golden figures, read once per test run.</summary>
public static class GloveTop50k
{
    public const string VectorsFile = "vectors/glove-100d-top50k.w2v.txt";
    public const string GoldenFile = "golden/gensim-glove100d-top50k.json";

    private static readonly Lazy<WordVectors> LazyVectors = new(() => ReadWord2VecText(SharedData.Require(VectorsFile)));
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

    // A plain reader, independent of the library's loaders, so these tests check the queries alone.
    private static WordVectors ReadWord2VecText(string path)
    {
        using var reader = new StreamReader(path);
        string[] header = reader.ReadLine()!.Split(' ');
        int count = int.Parse(header[0], CultureInfo.InvariantCulture);
        int dimensions = int.Parse(header[1], CultureInfo.InvariantCulture);
        var keys = new string[count];
        var matrix = new float[count * dimensions];
        for (int row = 0; row < count; row++)
        {
            string[] fields = reader.ReadLine()!.Split(' ');
            keys[row] = fields[0];
            for (int j = 0; j < dimensions; j++)
            {
                matrix[row * dimensions + j] = float.Parse(fields[j + 1], CultureInfo.InvariantCulture);
            }
        }

        return WordVectors.FromMatrix(keys, matrix, dimensions);
    }
}
