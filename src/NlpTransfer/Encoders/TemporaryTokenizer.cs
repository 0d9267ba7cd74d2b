using Microsoft.ML.Tokenizers;

namespace NlpTransfer.Encoders;

/// <summary>
/// A stand-in with the shape of NlpTransfer.Text.WordPieceTokenizer over Microsoft.ML.Tokenizers' BertTokenizer, used
/// until that tokenizer is merged. Its normalisation differs from reference BERT on symbols and accents.
/// </summary>
internal sealed class TemporaryTokenizer
{
    private readonly BertTokenizer _bert;

    private TemporaryTokenizer(BertTokenizer bert, int vocabularySize)
    {
        _bert = bert;
        VocabularySize = vocabularySize;
    }

    public int VocabularySize { get; }

    public int ClsId => _bert.ClassificationTokenId;

    public int SepId => _bert.SeparatorTokenId;

    public int PadId => _bert.PaddingTokenId;

    public static TemporaryTokenizer Create(Stream vocab)
    {
        using var copy = new MemoryStream();
        vocab.CopyTo(copy);
        var lines = 0;
        foreach (var b in copy.GetBuffer().AsSpan(0, (int)copy.Length))
        {
            if (b == (byte)'\n')
            {
                lines++;
            }
        }

        if (copy.Length > 0 && copy.GetBuffer()[copy.Length - 1] != (byte)'\n')
        {
            lines++;
        }

        copy.Position = 0;
        var bert = BertTokenizer.Create(copy, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true });
        return new TemporaryTokenizer(bert, lines);
    }

    public int CountTokens(ReadOnlySpan<char> text) => _bert.EncodeToIds(text, addSpecialTokens: false).Count;

    public int Encode(ReadOnlySpan<char> text, int maxLength, Span<long> ids, Span<long> typeIds, Span<long> attentionMask)
    {
        var pieces = _bert.EncodeToIds(text, maxLength - 2, addSpecialTokens: false, out _, out _);
        var count = pieces.Count + 2;
        ids[0] = ClsId;
        for (var i = 0; i < pieces.Count; i++)
        {
            ids[i + 1] = pieces[i];
        }

        ids[count - 1] = SepId;
        typeIds[..count].Clear();
        attentionMask[..count].Fill(1);
        return count;
    }
}
