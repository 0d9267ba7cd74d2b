namespace NlpTransfer.Tests.Text;

/// <summary>The small WordPiece vocabulary fixture TestData/text/tiny-vocab.txt and the ids of its entries.</summary>
internal static class TinyVocab
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "text", "tiny-vocab.txt");

    public static string InvalidPath(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "text", "invalid", name);

    private static readonly Lazy<Dictionary<string, int>> Ids = new(() =>
        File.ReadAllLines(Path).Select((token, id) => (token, id)).ToDictionary(p => p.token, p => p.id, StringComparer.Ordinal));

    /// <summary>The id of <paramref name="token"/> in the fixture.</summary>
    public static int Id(string token) => Ids.Value[token];

    /// <summary>The ids of <paramref name="tokens"/>.</summary>
    public static int[] IdsOf(params string[] tokens) => tokens.Select(Id).ToArray();
}
