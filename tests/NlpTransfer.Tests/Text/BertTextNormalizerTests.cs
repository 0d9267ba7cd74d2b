using FluentAssertions;
using NlpTransfer.Text;
using Xunit;

namespace NlpTransfer.Tests.Text;

public sealed class BertTextNormalizerTests
{
    private static readonly BertTextNormalizer Uncased = new();

    [Theory]
    [InlineData("Hello World", "hello world")]
    [InlineData("naïve café", "naive cafe")]
    [InlineData("Cafe\u0301", "cafe")]
    [InlineData("ÉCOLE Ångström", "ecole angstrom")]
    [InlineData("İstanbul", "istanbul")]
    [InlineData("Øresund Straße ﬁnance", "øresund straße ﬁnance")]
    [InlineData("Ｆｕｌｌ", "ｆｕｌｌ")]
    [InlineData("a\tb\nc\rd\u00A0e\u3000f", "a b c d e f")]
    [InlineData("nul\u0000l bel\u0007l z\u200Bw soft\u00ADhyphen rep\uFFFDl", "null bell zw softhyphen repl")]
    [InlineData("\u001C\u001D\u001E\u001F", "")]
    [InlineData("hello世界", "hello 世 界 ")]
    [InlineData("ΟΔΟΣ ΣΑ Σ", "οδος σα σ")]
    [InlineData("❤\uFE0F", "❤")]
    public void Normalize_ReferenceSteps_GivesExpectedText(string input, string expected)
    {
        Uncased.Normalize(input).Should().Be(expected);
    }

    [Fact]
    public void Normalize_Hangul_DecomposesToConjoiningJamo()
    {
        Uncased.Normalize("안").Should().Be("\u110B\u1161\u11AB");
    }

    [Fact]
    public void Normalize_CasedWithoutStripping_KeepsCaseAndAccents()
    {
        var cased = new BertTextNormalizer(lowerCase: false, stripAccents: false);

        cased.Normalize("Café İ").Should().Be("Café İ");
    }

    [Fact]
    public void Normalize_LowerCaseWithoutStripping_DottedCapitalIKeepsItsDot()
    {
        // Python's str.lower(): U+0130 -> i + U+0307; without accent stripping the dot stays.
        new BertTextNormalizer(stripAccents: false).Normalize("İ").Should().Be("i\u0307");
    }

    [Fact]
    public void Normalize_CjkSplittingOff_LeavesIdeographsInTheWord()
    {
        new BertTextNormalizer(splitCjkIdeographs: false).Normalize("hello世界").Should().Be("hello世界");
    }

    [Fact]
    public void Normalize_Null_ThrowsNamingTheParameter()
    {
        Action act = () => Uncased.Normalize((string)null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("original");
    }
}
