using System.Globalization;
using Microsoft.ML.Tokenizers;

namespace NlpTransfer.Text;

/// <summary>
/// The word-splitting step of the reference BERT basic tokenizer: split on whitespace, then make every punctuation
/// character a word of its own. Punctuation is every Unicode P* category plus ASCII 33-47, 58-64, 91-96 and
/// 123-126 (so $ + &lt; = &gt; ^ ` | ~ split although they are symbols; other symbols such as € or emoji do not).
/// </summary>
/// <remarks>
/// Plugs into Microsoft.ML.Tokenizers as a <see cref="PreTokenizer"/>; it expects text already passed through
/// <see cref="BertTextNormalizer"/> (the split happens after lower-casing and accent stripping, as in the
/// reference). Immutable and thread-safe.
/// </remarks>
public sealed class BertPreTokenizer : PreTokenizer
{
    /// <summary>The shared instance.</summary>
    public static BertPreTokenizer Instance { get; } = new();

    /// <summary>Returns the (offset, length) of each word of <paramref name="text"/>, in order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public override IEnumerable<(int Offset, int Length)> PreTokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PreTokenize(text.AsSpan());
    }

    /// <summary>Returns the (offset, length) of each word of <paramref name="text"/>, in order.</summary>
    public override IEnumerable<(int Offset, int Length)> PreTokenize(ReadOnlySpan<char> text)
    {
        var words = new List<(int Offset, int Length)>(text.Length / 4 + 1);
        Split(text, words);
        return words;
    }

    /// <summary>Appends the words of <paramref name="text"/> to <paramref name="words"/>.</summary>
    internal static void Split(ReadOnlySpan<char> text, List<(int Offset, int Length)> words)
    {
        int wordStart = -1;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            int length = 1;
            bool isSpace, isPunctuation;
            if (c < 0x80)
            {
                isSpace = c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f';
                isPunctuation = c is >= (char)33 and <= (char)47 or >= (char)58 and <= (char)64
                    or >= (char)91 and <= (char)96 or >= (char)123 and <= (char)126;
            }
            else
            {
                int codePoint = BertCharacters.CodePointAt(text, i, out length);
                UnicodeCategory category = BertCharacters.Category(codePoint);
                isSpace = BertCharacters.IsSeparator(codePoint, category) || (length == 1 && char.IsWhiteSpace(c));
                isPunctuation = !isSpace && BertCharacters.IsPunctuation(codePoint, category);
            }

            if (isSpace || isPunctuation)
            {
                if (wordStart >= 0)
                {
                    words.Add((wordStart, i - wordStart));
                    wordStart = -1;
                }

                if (isPunctuation)
                {
                    words.Add((i, length));
                }
            }
            else if (wordStart < 0)
            {
                wordStart = i;
            }

            i += length;
        }

        if (wordStart >= 0)
        {
            words.Add((wordStart, text.Length - wordStart));
        }
    }
}
