using System.Text;
using NlpTransfer.Embeddings;

namespace NlpTransfer.Alignment;

/// <summary>
/// A bilingual dictionary in MUSE format: one <c>source target</c> pair per line, the two words separated by one space
/// or tab; a source word with several translations has one line per translation. Blank lines are skipped.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class BilingualDictionary
{
    private readonly (string Source, string Target)[] _pairs;

    private BilingualDictionary((string Source, string Target)[] pairs, string? path)
    {
        _pairs = pairs;
        Path = path;
    }

    /// <summary>The pairs in file order.</summary>
    public IReadOnlyList<(string Source, string Target)> Pairs => _pairs;

    /// <summary>Number of pairs.</summary>
    public int Count => _pairs.Length;

    /// <summary>The file it was read from, or null.</summary>
    public string? Path { get; }

    /// <summary>Creates a dictionary from pairs in memory.</summary>
    public static BilingualDictionary FromPairs(IEnumerable<(string Source, string Target)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return new BilingualDictionary(pairs.ToArray(), null);
    }

    /// <summary>Reads a MUSE dictionary file (UTF-8).</summary>
    /// <exception cref="InvalidDataException">A line that is not two words: <c>path:line: expected ...</c>.</exception>
    public static BilingualDictionary Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        return Load(reader, path);
    }

    /// <summary>Reads a MUSE dictionary from <paramref name="reader"/> (not disposed); <paramref name="name"/> names it in errors.</summary>
    public static BilingualDictionary Load(TextReader reader, string name = "<dictionary>")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var pairs = new List<(string, string)>();
        int lineNumber = 0;
        string? line;
        try
        {
            while ((line = reader.ReadLine()) is not null)
            {
                lineNumber++;
                ReadOnlySpan<char> text = line.AsSpan().Trim();
                if (text.IsEmpty)
                {
                    continue;
                }

                int separator = text.IndexOfAny(' ', '\t');
                if (separator < 0)
                {
                    throw new InvalidDataException($"{name}:{lineNumber}: expected 'source target' (two words), found one word '{Shorten(line)}'.");
                }

                ReadOnlySpan<char> rest = text[(separator + 1)..].TrimStart(" \t");
                if (rest.IndexOfAny(' ', '\t') >= 0)
                {
                    throw new InvalidDataException($"{name}:{lineNumber}: expected 'source target' (two words), found more: '{Shorten(line)}'.");
                }

                pairs.Add((text[..separator].ToString(), rest.ToString()));
            }
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"{name}:{lineNumber + 1}: not valid UTF-8 ({e.Message}).", e);
        }

        return new BilingualDictionary(pairs.ToArray(), name);
    }

    /// <summary>
    /// The distinct source words with all their translations, in order of first appearance.
    /// </summary>
    public IReadOnlyList<(string Source, IReadOnlyList<string> Targets)> GroupBySource()
    {
        var order = new List<string>();
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (source, target) in _pairs)
        {
            if (!groups.TryGetValue(source, out var list))
            {
                groups[source] = list = [];
                order.Add(source);
            }

            if (!list.Contains(target, StringComparer.Ordinal))
            {
                list.Add(target);
            }
        }

        return order.Select(s => (s, (IReadOnlyList<string>)groups[s])).ToArray();
    }

    /// <summary>
    /// Finds every pair's words in the two vocabularies; pairs with a missing word are left out and counted.
    /// </summary>
    public ResolvedDictionary Resolve(WordVectors source, WordVectors target, DictionaryCaseMode caseMode = DictionaryCaseMode.Exact)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var sourceLookup = new VocabularyLookup(source, caseMode);
        var targetLookup = new VocabularyLookup(target, caseMode);
        var sourceRows = new List<int>();
        var targetRows = new List<int>();
        var missing = new List<string>();
        var sources = new HashSet<string>(StringComparer.Ordinal);
        var sourcesInVocabulary = new HashSet<string>(StringComparer.Ordinal);
        var sourcesUsed = new HashSet<string>(StringComparer.Ordinal);
        int missingSource = 0, missingTarget = 0;
        foreach (var (s, t) in _pairs)
        {
            sources.Add(s);
            int sourceRow = sourceLookup.Find(s);
            int targetRow = targetLookup.Find(t);
            if (sourceRow >= 0)
            {
                sourcesInVocabulary.Add(s);
            }

            if (sourceRow < 0 || targetRow < 0)
            {
                if (sourceRow < 0)
                {
                    missingSource++;
                }
                else
                {
                    missingTarget++;
                }

                if (missing.Count < 10)
                {
                    missing.Add($"{s} {t}");
                }

                continue;
            }

            sourcesUsed.Add(s);
            sourceRows.Add(sourceRow);
            targetRows.Add(targetRow);
        }

        var coverage = new DictionaryCoverage
        {
            PairsTotal = _pairs.Length,
            PairsUsed = sourceRows.Count,
            SourcesTotal = sources.Count,
            SourcesInVocabulary = sourcesInVocabulary.Count,
            SourcesUsed = sourcesUsed.Count,
            PairsMissingSource = missingSource,
            PairsMissingTarget = missingTarget,
            MissingExamples = missing,
        };
        return new ResolvedDictionary(sourceRows.ToArray(), targetRows.ToArray(), coverage);
    }

    private static string Shorten(string line) => line.Length <= 80 ? line : line[..80] + "…";
}
