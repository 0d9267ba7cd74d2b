using System.Globalization;
using System.Text;
using Microsoft.ML.Tokenizers;

namespace NlpTransfer.Text;

/// <summary>
/// The normalisation steps of the reference BERT basic tokenizer (Devlin et al. 2019, "BERT", and its published
/// tokenization.py): clean the text (drop U+0000, U+FFFD and control/format/unassigned/private-use characters;
/// TAB, LF, CR and space separators become a space), put spaces around CJK ideographs, lower-case (full Unicode
/// lower-casing: U+0130 gives i + U+0307, a word-final capital sigma gives ς), then decompose (NFD) and drop
/// non-spacing marks (category Mn). Punctuation splitting is left to <see cref="BertPreTokenizer"/>.
/// </summary>
/// <remarks>
/// <para>Plugs into Microsoft.ML.Tokenizers as a <see cref="Normalizer"/>. Decomposition uses a table compiled
/// into this assembly (Unicode 14.0.0), never <see cref="string.Normalize()"/>, so accents are stripped also when
/// the process runs with InvariantGlobalization=true (where Normalize returns its input unchanged). Character
/// categories and simple lower-case mappings come from .NET's own Unicode data, which is the same in both
/// globalization modes.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class BertTextNormalizer : Normalizer
{
    /// <summary>Creates a normalizer; the defaults suit uncased BERT models.</summary>
    /// <param name="lowerCase">Lower-case the text (default true).</param>
    /// <param name="stripAccents">Decompose (NFD) and drop non-spacing marks (default true).</param>
    /// <param name="splitCjkIdeographs">Surround CJK ideographs with spaces so each is a word (default true).</param>
    public BertTextNormalizer(bool lowerCase = true, bool stripAccents = true, bool splitCjkIdeographs = true)
    {
        LowerCase = lowerCase;
        StripAccents = stripAccents;
        SplitCjkIdeographs = splitCjkIdeographs;
    }

    /// <summary>Whether the text is lower-cased.</summary>
    public bool LowerCase { get; }

    /// <summary>Whether accents (non-spacing marks after NFD) are removed.</summary>
    public bool StripAccents { get; }

    /// <summary>Whether each CJK ideograph becomes a word of its own.</summary>
    public bool SplitCjkIdeographs { get; }

    /// <summary>Returns the normalized form of <paramref name="original"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="original"/> is null.</exception>
    public override string Normalize(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        return Normalize(original.AsSpan());
    }

    /// <summary>Returns the normalized form of <paramref name="original"/>.</summary>
    public override string Normalize(ReadOnlySpan<char> original)
    {
        using var buffer = new NormalizedTextBuffer(original.Length + 16);
        NormalizeInto(original, 0, original.Length, buffer);
        return new string(buffer.Chars);
    }

    /// <summary>
    /// Appends the normalized form of <paramref name="text"/>[start..end) to <paramref name="buffer"/>, each
    /// character with its original span (indices into <paramref name="text"/>). The range must start and end at
    /// word breaks (or the ends of the text); the whole text is passed so that the final-sigma rule can look at
    /// neighbours.
    /// </summary>
    internal void NormalizeInto(ReadOnlySpan<char> text, int start, int end, NormalizedTextBuffer buffer)
    {
        Span<int> decomposed = stackalloc int[UnicodeDecomposition.MaxLength];
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (c < 0x80)
            {
                if (c is ' ' or '\t' or '\n' or '\r')
                {
                    buffer.AppendSpace(i);
                }
                else if (c < 0x20 || c == 0x7F)
                {
                    buffer.ExtendLast(i + 1);
                }
                else
                {
                    buffer.Append(LowerCase && (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c, i, i + 1);
                }

                i++;
                continue;
            }

            int codePoint = BertCharacters.CodePointAt(text, i, out int length);
            UnicodeCategory category = BertCharacters.Category(codePoint);
            int next = i + length;
            if (BertCharacters.IsDroppedByCleaning(codePoint, category))
            {
                buffer.ExtendLast(next);
            }
            else if (BertCharacters.IsSeparator(codePoint, category))
            {
                buffer.AppendSpace(i);
            }
            else if (SplitCjkIdeographs && BertCharacters.IsCjkIdeograph(codePoint))
            {
                buffer.AppendSpace(i);
                AppendTransformed(codePoint, i, next, buffer, decomposed);
                buffer.AppendSpace(next);
            }
            else if (LowerCase && codePoint == 0x0130)
            {
                // Full lower-casing (SpecialCasing.txt): capital I with dot above is i + combining dot above.
                buffer.Append('i', i, next);
                AppendTransformed(0x0307, i, next, buffer, decomposed);
            }
            else if (LowerCase && codePoint == 0x03A3)
            {
                AppendTransformed(IsFinalSigma(text, i, length) ? 0x03C2 : 0x03C3, i, next, buffer, decomposed);
            }
            else
            {
                AppendTransformed(LowerCase ? Rune.ToLowerInvariant(new Rune(codePoint)).Value : codePoint, i, next, buffer, decomposed);
            }

            i = next;
        }
    }

    private void AppendTransformed(int codePoint, int start, int end, NormalizedTextBuffer buffer, Span<int> decomposed)
    {
        int count = 1;
        decomposed[0] = codePoint;
        if (StripAccents)
        {
            count = UnicodeDecomposition.Decompose(codePoint, decomposed);
        }

        Span<char> utf16 = stackalloc char[2];
        for (int k = 0; k < count; k++)
        {
            int part = decomposed[k];
            if (StripAccents && BertCharacters.Category(part) == UnicodeCategory.NonSpacingMark)
            {
                buffer.ExtendLast(end);
                continue;
            }

            int written = BertCharacters.Encode(part, utf16);
            for (int u = 0; u < written; u++)
            {
                buffer.Append(utf16[u], start, end);
            }
        }
    }

    /// <summary>
    /// Python's str.lower() rule for capital sigma, applied within the whitespace-separated word: ς when a cased
    /// letter precedes it and none follows (case-ignorable characters skipped; Unicode §3.13 Final_Sigma).
    /// </summary>
    private bool IsFinalSigma(ReadOnlySpan<char> text, int index, int length)
    {
        bool casedBefore = false;
        for (int j = index; j > 0;)
        {
            int codePoint = BertCharacters.CodePointBefore(text, j, out int size);
            UnicodeCategory category = BertCharacters.Category(codePoint);
            if (IsWordBoundary(codePoint, category))
            {
                break;
            }

            j -= size;
            if (!BertCharacters.IsDroppedByCleaning(codePoint, category) && !BertCharacters.IsCaseIgnorable(codePoint, category))
            {
                casedBefore = BertCharacters.IsCased(category);
                break;
            }
        }

        if (!casedBefore)
        {
            return false;
        }

        for (int j = index + length; j < text.Length;)
        {
            int codePoint = BertCharacters.CodePointAt(text, j, out int size);
            UnicodeCategory category = BertCharacters.Category(codePoint);
            if (IsWordBoundary(codePoint, category))
            {
                break;
            }

            j += size;
            if (!BertCharacters.IsDroppedByCleaning(codePoint, category) && !BertCharacters.IsCaseIgnorable(codePoint, category))
            {
                return !BertCharacters.IsCased(category);
            }
        }

        return true;
    }

    private bool IsWordBoundary(int codePoint, UnicodeCategory category) =>
        BertCharacters.IsSeparator(codePoint, category) || (SplitCjkIdeographs && BertCharacters.IsCjkIdeograph(codePoint));
}
