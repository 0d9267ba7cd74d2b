using System.Text;

namespace NlpTransfer.Embeddings;

/// <summary>
/// The vocabulary an intrinsic evaluation sees: the first N keys, optionally upper-cased, where the first row of
/// each (upper-cased) key stands for all of its casings (gensim's ok_vocab).
/// </summary>
internal sealed class EvaluationVocabulary
{
    private readonly Dictionary<string, int> _rows;

    public EvaluationVocabulary(IReadOnlyList<string> keys, int restrictVocab, bool caseInsensitive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(restrictVocab);
        CaseInsensitive = caseInsensitive;
        Rows = Math.Min(restrictVocab, keys.Count);
        _rows = new Dictionary<string, int>(Rows, StringComparer.Ordinal);
        Canonical = new int[Rows];
        for (int row = 0; row < Rows; row++)
        {
            string key = Fold(keys[row]);
            if (!_rows.TryGetValue(key, out int first))
            {
                first = row;
                _rows.Add(key, row);
            }

            Canonical[row] = first;
        }
    }

    /// <summary>Rows that count: min(restrictVocab, Count).</summary>
    public int Rows { get; }

    /// <summary>Whether words are compared upper-cased.</summary>
    public bool CaseInsensitive { get; }

    /// <summary>For each row, the first row whose folded key equals its folded key (the row itself when case-sensitive).</summary>
    public int[] Canonical { get; }

    /// <summary>The row standing for <paramref name="foldedWord"/> (already folded by <see cref="Fold"/>), or -1.</summary>
    public int Find(string foldedWord) => _rows.TryGetValue(foldedWord, out int row) ? row : -1;

    /// <summary>Upper-cases <paramref name="word"/> when the evaluation is case-insensitive, else returns it unchanged.</summary>
    public string Fold(string word) => CaseInsensitive ? Upper(word) : word;

    /// <summary>
    /// Upper-cases as Python's str.upper does: the invariant simple mapping, plus the unconditional one-to-many
    /// mappings of Unicode SpecialCasing that occur in practice (ß → SS, ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ, ŉ → ʼN).
    /// </summary>
    public static string Upper(string word)
    {
        string upper = word.ToUpperInvariant();
        if (upper.AsSpan().IndexOfAny("ßﬀﬁﬂﬃﬄﬅﬆŉ") < 0)
        {
            return upper;
        }

        var builder = new StringBuilder(upper.Length + 4);
        foreach (char ch in upper)
        {
            builder.Append(ch switch
            {
                'ß' => "SS",
                'ﬀ' => "FF",
                'ﬁ' => "FI",
                'ﬂ' => "FL",
                'ﬃ' => "FFI",
                'ﬄ' => "FFL",
                'ﬅ' or 'ﬆ' => "ST",
                'ŉ' => "ʼN",
                _ => ch.ToString(),
            });
        }

        return builder.ToString();
    }
}
