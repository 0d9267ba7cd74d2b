using System.Globalization;
using System.Runtime.CompilerServices;

namespace NlpTransfer.Embeddings;

/// <summary>
/// Parses decimal numbers from UTF-8 text into float32 with exactly the result of <see cref="float.Parse(string)"/>.
/// </summary>
/// <remarks>
/// Fast path (Clinger 1990, "How to read floating point numbers accurately"): when the decimal significand m is at
/// most 2^24 and the power of ten |k| is at most 10, both m and 10^|k| are exact float32 values, so the single
/// IEEE operation m / 10^|k| (or m × 10^k) is correctly rounded. That covers the 5–7 significant digits of
/// published vector files. Anything else falls back to <see cref="float.TryParse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider?, out float)"/>.
/// </remarks>
internal static class Utf8Float
{
    private static readonly float[] PowersOfTen = [1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f];

    /// <summary>Result of <see cref="Parse"/>.</summary>
    public enum Status
    {
        Ok,
        NotANumber,
        NotFinite,
    }

    /// <summary>
    /// Parses the number that starts at <paramref name="text"/>[0] and ends at a space, tab, CR, LF or the end.
    /// </summary>
    /// <remarks><paramref name="consumed"/> is the byte length of the token, also set when it is not a number.</remarks>
    public static Status Parse(ReadOnlySpan<byte> text, out float value, out int consumed)
    {
        if (TryParseFast(text, out value, out consumed))
        {
            return Status.Ok;
        }

        consumed = TokenLength(text);
        if (!float.TryParse(text[..consumed], NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return Status.NotANumber;
        }

        return float.IsFinite(value) ? Status.Ok : Status.NotFinite;
    }

    /// <summary>
    /// Parses a whole row of exactly <paramref name="destination"/>.Length numbers separated by spaces or tabs, on the
    /// fast path only. Returns false on anything else (a long significand, a far exponent, a bad token, a wrong count):
    /// the caller then parses the row again with <see cref="Parse"/>, which gives the exact value or the exact error.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe bool TryParseRow(ReadOnlySpan<byte> text, Span<float> destination)
    {
        fixed (byte* start = text)
        fixed (float* pow = PowersOfTen)
        fixed (float* output = destination)
        {
            byte* p = start;
            byte* end = start + text.Length;
            int count = destination.Length;
            for (int j = 0; j < count; j++)
            {
                while (p < end && (*p == (byte)' ' || *p == (byte)'\t'))
                {
                    p++;
                }

                bool negative = false;
                if (p < end && *p == (byte)'-')
                {
                    negative = true;
                    p++;
                }

                ulong significand = 0;
                byte* digitsStart = p;
                uint digit;
                while (p < end && (digit = (uint)(*p - (byte)'0')) <= 9)
                {
                    significand = significand * 10 + digit;
                    p++;
                }

                int scale = 0;
                int digits = (int)(p - digitsStart);
                if (p < end && *p == (byte)'.')
                {
                    p++;
                    byte* fractionStart = p;
                    while (p < end && (digit = (uint)(*p - (byte)'0')) <= 9)
                    {
                        significand = significand * 10 + digit;
                        p++;
                    }

                    scale = (int)(p - fractionStart);
                    digits += scale;
                }

                if (digits == 0 || digits > 19 || significand > (1UL << 24))
                {
                    return false;
                }

                int power = -scale;
                if (p < end && (*p | 0x20) == (byte)'e')
                {
                    p++;
                    bool negativeExponent = false;
                    if (p < end && (*p == (byte)'-' || *p == (byte)'+'))
                    {
                        negativeExponent = *p == (byte)'-';
                        p++;
                    }

                    int exponent = 0;
                    byte* exponentStart = p;
                    while (p < end && (digit = (uint)(*p - (byte)'0')) <= 9 && p - exponentStart < 4)
                    {
                        exponent = exponent * 10 + (int)digit;
                        p++;
                    }

                    if (p == exponentStart)
                    {
                        return false;
                    }

                    power += negativeExponent ? -exponent : exponent;
                }

                if ((p < end && *p != (byte)' ' && *p != (byte)'\t') || power < -10 || power > 10)
                {
                    return false;
                }

                float value = power < 0 ? significand / pow[-power] : significand * pow[power];
                output[j] = negative ? -value : value;
            }

            while (p < end && (*p == (byte)' ' || *p == (byte)'\t'))
            {
                p++;
            }

            return p == end;
        }
    }

    /// <summary>Length of the token at the start of <paramref name="text"/>: up to a space, tab, CR, LF or the end.</summary>
    public static int TokenLength(ReadOnlySpan<byte> text)
    {
        int i = text.IndexOfAny(" \t\r\n"u8);
        return i < 0 ? text.Length : i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsEnd(ReadOnlySpan<byte> text, int i) =>
        (uint)i >= (uint)text.Length || text[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static bool TryParseFast(ReadOnlySpan<byte> text, out float value, out int consumed)
    {
        value = 0;
        consumed = 0;
        int i = 0;
        bool negative = false;
        if ((uint)i < (uint)text.Length && (text[i] == (byte)'-' || text[i] == (byte)'+'))
        {
            negative = text[i] == (byte)'-';
            i++;
        }

        ulong significand = 0;
        int start = i;
        uint digit;
        while ((uint)i < (uint)text.Length && (digit = (uint)(text[i] - (byte)'0')) <= 9)
        {
            significand = significand * 10 + digit;
            i++;
        }

        int digits = i - start;
        int scale = 0;
        if ((uint)i < (uint)text.Length && text[i] == (byte)'.')
        {
            i++;
            int fractionStart = i;
            while ((uint)i < (uint)text.Length && (digit = (uint)(text[i] - (byte)'0')) <= 9)
            {
                significand = significand * 10 + digit;
                i++;
            }

            scale = i - fractionStart;
            digits += scale;
        }

        // More than 19 digits may have overflowed the significand; a bare sign or '.' is not a number.
        if (digits == 0 || digits > 19)
        {
            return false;
        }

        int exponent = 0;
        if ((uint)i < (uint)text.Length && (text[i] | 0x20) == (byte)'e')
        {
            i++;
            bool negativeExponent = false;
            if ((uint)i < (uint)text.Length && (text[i] == (byte)'-' || text[i] == (byte)'+'))
            {
                negativeExponent = text[i] == (byte)'-';
                i++;
            }

            int exponentStart = i;
            while ((uint)i < (uint)text.Length && (digit = (uint)(text[i] - (byte)'0')) <= 9 && i - exponentStart < 4)
            {
                exponent = exponent * 10 + (int)digit;
                i++;
            }

            if (i == exponentStart)
            {
                return false;
            }

            if (negativeExponent)
            {
                exponent = -exponent;
            }
        }

        if (!IsEnd(text, i) || significand > (1UL << 24))
        {
            return false;
        }

        int power = exponent - scale;
        float result = significand;
        if (power < 0)
        {
            if (power < -10)
            {
                return false;
            }

            result /= PowersOfTen[-power];
        }
        else if (power > 0)
        {
            if (power > 10)
            {
                return false;
            }

            result *= PowersOfTen[power];
        }

        value = negative ? -result : result;
        consumed = i;
        return true;
    }
}
