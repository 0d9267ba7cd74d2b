using NlpTransfer.Embeddings;

namespace NlpTransfer.Alignment;

/// <summary>Finds dictionary words in a vocabulary under a <see cref="DictionaryCaseMode"/>.</summary>
internal sealed class VocabularyLookup
{
    private readonly WordVectors _vectors;
    private readonly Dictionary<string, int>? _lowered;

    public VocabularyLookup(WordVectors vectors, DictionaryCaseMode caseMode)
    {
        _vectors = vectors;
        if (caseMode == DictionaryCaseMode.IgnoreCase)
        {
            _lowered = new Dictionary<string, int>(vectors.Count, StringComparer.Ordinal);
            for (int i = 0; i < vectors.Count; i++)
            {
                // First row wins: vocabularies are usually ordered by frequency.
                _lowered.TryAdd(vectors.Keys[i].ToLowerInvariant(), i);
            }
        }
    }

    /// <summary>The row of <paramref name="word"/>, or -1.</summary>
    public int Find(string word)
    {
        int row = _vectors.IndexOf(word);
        if (row >= 0 || _lowered is null)
        {
            return row;
        }

        return _lowered.TryGetValue(word.ToLowerInvariant(), out row) ? row : -1;
    }
}
