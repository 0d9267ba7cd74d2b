namespace NlpTransfer.Text;

/// <summary>
/// Canonical decomposition (Unicode NFD) of one code point from a table compiled into the assembly, so that accent
/// stripping does not depend on ICU: with InvariantGlobalization=true, <see cref="string.Normalize()"/> returns
/// its input unchanged and accented words would become [UNK].
/// </summary>
/// <remarks>
/// Canonical reordering of combining marks is not applied: decompositions are emitted in table order. It only
/// matters for runs of several combining marks with different combining classes, and the tokenizer drops every
/// non-spacing mark (category Mn) right after decomposing.
/// </remarks>
internal static partial class UnicodeDecomposition
{
    private const int HangulSBase = 0xAC00, HangulLBase = 0x1100, HangulVBase = 0x1161, HangulTBase = 0x11A7;
    private const int HangulLCount = 19, HangulVCount = 21, HangulTCount = 28;
    private const int HangulNCount = HangulVCount * HangulTCount, HangulSCount = HangulLCount * HangulNCount;

    /// <summary>The most code points one code point decomposes into.</summary>
    internal const int MaxLength = 4;

    /// <summary>
    /// Writes the full canonical decomposition of <paramref name="codePoint"/> into <paramref name="destination"/>
    /// (at least <see cref="MaxLength"/> long) and returns how many code points it wrote; 1 (the code point
    /// itself) when it has none.
    /// </summary>
    internal static int Decompose(int codePoint, Span<int> destination)
    {
        if (codePoint < 0xC0)
        {
            destination[0] = codePoint;
            return 1;
        }

        int s = codePoint - HangulSBase;
        if ((uint)s < HangulSCount)
        {
            // Hangul syllables decompose arithmetically into conjoining jamo (The Unicode Standard, §3.12).
            destination[0] = HangulLBase + s / HangulNCount;
            destination[1] = HangulVBase + s % HangulNCount / HangulTCount;
            int t = s % HangulTCount;
            if (t == 0)
            {
                return 2;
            }

            destination[2] = HangulTBase + t;
            return 3;
        }

        int index = Keys.BinarySearch(codePoint);
        if (index < 0)
        {
            destination[0] = codePoint;
            return 1;
        }

        int start = Offsets[index];
        int length = Offsets[index + 1] - start;
        Data.Slice(start, length).CopyTo(destination);
        return length;
    }
}
