using System.Globalization;
using System.Text;
using FluentAssertions;
using NlpTransfer.Embeddings;
using Xunit;

namespace NlpTransfer.Tests.Embeddings;

public sealed class Utf8FloatTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("-0.038194")]
    [InlineData("0.0031598")]
    [InlineData("-1.670275")]
    [InlineData("16777216")]
    [InlineData("16777217")]
    [InlineData("1.23456789012")]
    [InlineData("3.4028235e38")]
    [InlineData("1e-45")]
    [InlineData("1.5E+3")]
    [InlineData("+2.5")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("0.10000000000000000000001")]
    [InlineData("-0.00044401")]
    [InlineData("7e-10")]
    [InlineData("123456789e-20")]
    public void Parse_Number_EqualsFloatParseBitForBit(string text)
    {
        var status = Utf8Float.Parse(Encoding.ASCII.GetBytes(text + " 1"), out float value, out int consumed);

        status.Should().Be(Utf8Float.Status.Ok);
        consumed.Should().Be(text.Length);
        BitConverter.SingleToInt32Bits(value).Should().Be(BitConverter.SingleToInt32Bits(float.Parse(text, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Parse_RandomDecimals_EqualFloatParseBitForBit()
    {
        var random = new Random(12345);
        for (int n = 0; n < 200_000; n++)
        {
            int digits = random.Next(1, 12);
            long significand = random.NextInt64((long)Math.Pow(10, digits));
            int point = random.Next(0, digits + 1);
            string text = significand.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
            text = text[..point] + "." + text[point..];
            if (random.Next(4) == 0)
            {
                text += "e" + random.Next(-40, 40).ToString(CultureInfo.InvariantCulture);
            }

            if (random.Next(2) == 0)
            {
                text = "-" + text;
            }

            if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float expected) || !float.IsFinite(expected))
            {
                continue;
            }

            Utf8Float.Parse(Encoding.ASCII.GetBytes(text), out float actual, out _).Should().Be(Utf8Float.Status.Ok, text);
            BitConverter.SingleToInt32Bits(actual).Should().Be(BitConverter.SingleToInt32Bits(expected), text);
        }
    }

    [Theory]
    [InlineData("abc", false)]
    [InlineData("1.5x", false)]
    [InlineData("-", false)]
    [InlineData("NaN", true)]
    [InlineData("-Infinity", true)]
    [InlineData("1e39", true)]
    public void Parse_NotAFiniteNumber_ReportsWhy(string text, bool isNumber)
    {
        var expected = isNumber ? Utf8Float.Status.NotFinite : Utf8Float.Status.NotANumber;

        var status = Utf8Float.Parse(Encoding.ASCII.GetBytes(text + "\n"), out _, out int consumed);

        status.Should().Be(expected);
        consumed.Should().Be(text.Length);
    }

    [Fact]
    public void TryParseRow_RandomRows_AcceptedRowsEqualFloatParse()
    {
        var random = new Random(99);
        int accepted = 0;
        for (int n = 0; n < 20_000; n++)
        {
            var values = new string[random.Next(1, 8)];
            for (int j = 0; j < values.Length; j++)
            {
                double x = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-12, 8));
                values[j] = x.ToString(random.Next(4) switch { 0 => "E4", 1 => "G6", 2 => "F3", _ => "R" }, CultureInfo.InvariantCulture);
            }

            string row = " " + string.Join(random.Next(2) == 0 ? " " : "\t", values) + (random.Next(2) == 0 ? " " : "");
            var destination = new float[values.Length];

            if (!Utf8Float.TryParseRow(Encoding.ASCII.GetBytes(row), destination))
            {
                continue;
            }

            accepted++;
            for (int j = 0; j < values.Length; j++)
            {
                BitConverter.SingleToInt32Bits(destination[j]).Should().Be(
                    BitConverter.SingleToInt32Bits(float.Parse(values[j], CultureInfo.InvariantCulture)), values[j]);
            }
        }

        accepted.Should().BeGreaterThan(2_000);
    }

    [Theory]
    [InlineData(" 1 2", 3)]
    [InlineData(" 1 2 3 4", 3)]
    [InlineData(" 1 x 3", 3)]
    [InlineData(" 1 2 3\r", 3)]
    public void TryParseRow_WrongCountOrToken_ReturnsFalse(string row, int count)
    {
        Utf8Float.TryParseRow(Encoding.ASCII.GetBytes(row), new float[count]).Should().BeFalse();
    }
}
