namespace NlpTransfer.Embeddings;

/// <summary>
/// The subword part of a fastText model: character n-gram buckets whose rows are averaged with the word's own row
/// to give vectors for any word, known or not.
/// </summary>
public sealed class FastTextSubwords
{
    // Filled in by the fastText .bin reader (issue: word vectors).
    internal FastTextSubwords()
    {
    }

    /// <summary>Whether a vector can be built for <paramref name="word"/> from its n-grams.</summary>
    public bool CanBuild(ReadOnlySpan<char> word) => throw new NotImplementedException();

    /// <summary>Builds the vector of <paramref name="word"/>; <paramref name="row"/> is its vocabulary row or -1.</summary>
    internal bool BuildVector(ReadOnlySpan<char> word, int row, Span<float> destination) => throw new NotImplementedException();
}
