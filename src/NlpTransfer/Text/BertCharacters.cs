using System.Globalization;
using System.Text;

namespace NlpTransfer.Text;

/// <summary>
/// Character classes of the reference BERT basic tokenizer (Devlin et al. 2019, the published tokenization.py
/// algorithm): what cleaning drops, what counts as whitespace, punctuation and a CJK ideograph. Categories come
/// from .NET's own Unicode data (culture-independent, unaffected by InvariantGlobalization).
/// </summary>
internal static class BertCharacters
{
    /// <summary>Cleaning drops U+0000, U+FFFD and every C* character (Cc, Cf, Cn, Co, Cs) except TAB, LF and CR.</summary>
    internal static bool IsDroppedByCleaning(int codePoint, UnicodeCategory category) =>
        codePoint is 0 or 0xFFFD
        || (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate
            && codePoint is not ('\t' or '\n' or '\r'));

    /// <summary>
    /// Whitespace that separates words: TAB, LF, CR, category Zs (cleaning turns them into a space) and Zl, Zp
    /// (kept by cleaning, then split on by Python's str.split()).
    /// </summary>
    internal static bool IsSeparator(int codePoint, UnicodeCategory category) =>
        codePoint is ' ' or '\t' or '\n' or '\r'
        || category is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>
    /// Punctuation split off as its own word: every P* category plus ASCII 33-47, 58-64, 91-96 and 123-126 (so
    /// $ + &lt; = &gt; ^ ` | ~, category S*, count too).
    /// </summary>
    internal static bool IsPunctuation(int codePoint, UnicodeCategory category) =>
        codePoint is >= 33 and <= 47 or >= 58 and <= 64 or >= 91 and <= 96 or >= 123 and <= 126
        || category is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
            or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation;

    /// <summary>A CJK ideograph of the blocks the reference splits out (not kana, not hangul).</summary>
    internal static bool IsCjkIdeograph(int codePoint) =>
        codePoint is >= 0x4E00 and <= 0x9FFF
            or >= 0x3400 and <= 0x4DBF
            or >= 0x20000 and <= 0x2A6DF
            or >= 0x2A700 and <= 0x2B73F
            or >= 0x2B740 and <= 0x2B81F
            or >= 0x2B820 and <= 0x2CEAF
            or >= 0xF900 and <= 0xFAFF
            or >= 0x2F800 and <= 0x2FA1F;

    /// <summary>Cased for the final-sigma rule: Lu, Ll, Lt (Unicode's Cased property, less its few Lm/Mn/So members).</summary>
    internal static bool IsCased(UnicodeCategory category) =>
        category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter;

    /// <summary>
    /// Case-ignorable for the final-sigma rule (Unicode §3.13): Mn, Me, Cf, Lm, Sk, and the word-break MidLetter,
    /// MidNumLet and Single_Quote characters.
    /// </summary>
    internal static bool IsCaseIgnorable(int codePoint, UnicodeCategory category) =>
        category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol
        || codePoint is '\'' or '.' or ':' or 0x00B7 or 0x0387 or 0x055F or 0x05F4 or 0x2018 or 0x2019 or 0x2024
            or 0x2027 or 0xFE13 or 0xFE52 or 0xFE55 or 0xFF07 or 0xFF0E or 0xFF1A;

    /// <summary>Reads the code point at <paramref name="index"/>; a lone surrogate reads as itself (category Cs).</summary>
    internal static int CodePointAt(ReadOnlySpan<char> text, int index, out int length)
    {
        char c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            length = 2;
            return char.ConvertToUtf32(c, text[index + 1]);
        }

        length = 1;
        return c;
    }

    /// <summary>Reads the code point that ends just before <paramref name="end"/>.</summary>
    internal static int CodePointBefore(ReadOnlySpan<char> text, int end, out int length)
    {
        char c = text[end - 1];
        if (char.IsLowSurrogate(c) && end >= 2 && char.IsHighSurrogate(text[end - 2]))
        {
            length = 2;
            return char.ConvertToUtf32(text[end - 2], c);
        }

        length = 1;
        return c;
    }

    /// <summary>The general category of a code point; lone surrogates are <see cref="UnicodeCategory.Surrogate"/>.</summary>
    internal static UnicodeCategory Category(int codePoint) => CharUnicodeInfo.GetUnicodeCategory(codePoint);

    /// <summary>Appends the UTF-16 form of <paramref name="codePoint"/>; returns the number of chars (1 or 2).</summary>
    internal static int Encode(int codePoint, Span<char> destination)
    {
        if (codePoint < 0x10000)
        {
            destination[0] = (char)codePoint;
            return 1;
        }

        return new Rune(codePoint).EncodeToUtf16(destination);
    }
}
