using System.Text;
using FluentAssertions;
using NlpTransfer.Text;
using Xunit;

namespace NlpTransfer.Tests.Text;

public sealed class UnicodeDecompositionTests
{
    [Fact]
    public void Decompose_EveryCodePoint_EqualsStringNormalizeFormD()
    {
        // The compiled table must agree with ICU's NFD (this test process runs with ICU; the child-process test in
        // WordPieceTokenizerTests covers invariant mode, where Normalize does nothing).
        GlobalizationProbe.IsInvariantGlobalization().Should().BeFalse("this comparison needs ICU's normalisation");
        Span<int> parts = stackalloc int[UnicodeDecomposition.MaxLength];
        var differences = new List<string>();
        int decomposable = 0;

        for (int codePoint = 0; codePoint <= 0x10FFFF; codePoint++)
        {
            if (codePoint is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            string text = char.ConvertFromUtf32(codePoint);
            string expected;
            try
            {
                expected = text.Normalize(NormalizationForm.FormD);
            }
            catch (ArgumentException)
            {
                // .NET refuses noncharacters (U+FDD0..U+FDEF, U+xFFFE, U+xFFFF); they have no decomposition.
                expected = text;
            }

            int count = UnicodeDecomposition.Decompose(codePoint, parts);
            var actual = new StringBuilder();
            for (int i = 0; i < count; i++)
            {
                actual.Append(char.ConvertFromUtf32(parts[i]));
            }

            if (expected != text)
            {
                decomposable++;
            }

            if (actual.ToString() != expected)
            {
                differences.Add($"U+{codePoint:X4}");
            }
        }

        differences.Should().BeEmpty();
        decomposable.Should().BeGreaterThan(11_000, "2,061 table entries plus 11,172 Hangul syllables");
    }

    [Theory]
    [InlineData(0xE9, new[] { 0x65, 0x301 })]
    [InlineData(0x1E17, new[] { 0x65, 0x304, 0x301 })]
    [InlineData(0xD55C, new[] { 0x1112, 0x1161, 0x11AB })]
    [InlineData(0xAC00, new[] { 0x1100, 0x1161 })]
    [InlineData(0xF900, new[] { 0x8C48 })]
    [InlineData(0xFB01, new[] { 0xFB01 })]
    [InlineData(0x41, new[] { 0x41 })]
    public void Decompose_KnownCharacters_GivesCanonicalDecomposition(int codePoint, int[] expected)
    {
        Span<int> parts = stackalloc int[UnicodeDecomposition.MaxLength];

        int count = UnicodeDecomposition.Decompose(codePoint, parts);

        parts[..count].ToArray().Should().Equal(expected);
    }
}
