using FluentAssertions;
using NlpTransfer.Text;
using Xunit;

namespace NlpTransfer.Tests.Text;

public sealed class BertPreTokenizerTests
{
    private static string[] Words(string text) =>
        BertPreTokenizer.Instance.PreTokenize(text).Select(w => text.Substring(w.Offset, w.Length)).ToArray();

    [Fact]
    public void PreTokenize_AsciiSymbolsAndPunctuation_EachAWord()
    {
        Words("a+b=c $100 `code` ~home x<y>z a|b 2^10").Should().Equal(
            "a", "+", "b", "=", "c", "$", "100", "`", "code", "`", "~", "home", "x", "<", "y", ">", "z", "a", "|", "b", "2", "^", "10");
    }

    [Fact]
    public void PreTokenize_UnderscoreAndUnicodePunctuation_Split()
    {
        Words("snake_case “hi”—ok… «x»").Should().Equal("snake", "_", "case", "“", "hi", "”", "—", "ok", "…", "«", "x", "»");
    }

    [Fact]
    public void PreTokenize_SymbolsThatAreNotPunctuation_StayInWords()
    {
        Words("€50 x² 5−3 ★★ 😀😀").Should().Equal("€50", "x²", "5−3", "★★", "😀😀");
    }

    [Fact]
    public void PreTokenize_Whitespace_SeparatesAndVanishes()
    {
        BertPreTokenizer.Instance.PreTokenize("  ab \u2028 c\u3000d ").Should().Equal((2, 2), (7, 1), (9, 1));
    }

    [Fact]
    public void PreTokenize_Null_ThrowsNamingTheParameter()
    {
        Action act = () => BertPreTokenizer.Instance.PreTokenize((string)null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("text");
    }
}
