using System.Buffers;

namespace Sdr.Core.Compliance;

public enum SmsCharset
{
    Gsm7,
    Ucs2,
}

/// <summary>
/// GSM 03.38 length rules: the basic set counts one septet, the extension set two (escape + char);
/// one character outside both makes the whole message UCS-2 (UTF-16 code units).
/// </summary>
public static class SmsEncoding
{
    public const int Gsm7SingleSegment = 160;
    public const int Ucs2SingleSegment = 70;
    public const int Gsm7MultipartSegment = 153;
    public const int Ucs2MultipartSegment = 67;

    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "\f^{}\\[~]|€";

    private const char Euro = '€';

    // Septets per character below U+0400 (every GSM character but the euro sign is): 0 = not GSM-7.
    private static readonly byte[] Septets = BuildSeptets();

    private static readonly SearchValues<char> Typographic = SearchValues.Create("\u2018\u2019\u201A\u2032\u201C\u201D\u201E\u2033\u2013\u2014\u2212\u2026\u00A0\u2009\u202F");

    public static SmsCharset CharsetOf(string text) => Measure(text).IsGsm7 ? SmsCharset.Gsm7 : SmsCharset.Ucs2;

    /// <summary>Length in the units the charset is billed in (septets or UTF-16 code units).</summary>
    public static int Length(string text) => Measure(text).Length;

    public static int SingleSegmentLimit(string text) => Measure(text).SingleSegmentLimit;

    public static int Segments(string text)
    {
        var measure = Measure(text);
        var part = measure.IsGsm7 ? Gsm7MultipartSegment : Ucs2MultipartSegment;
        return measure.Length <= measure.SingleSegmentLimit ? 1 : (measure.Length + part - 1) / part;
    }

    public static bool FitsOneSegment(string text) => Measure(text).FitsOneSegment;

    /// <summary>Charset and length of a text in one pass.</summary>
    public static SmsMeasure Measure(ReadOnlySpan<char> text)
    {
        var septets = 0;
        var other = 0;
        foreach (var c in text)
        {
            var units = SeptetsOf(c);
            septets += units;
            other += units == 0 ? 1 : 0;
        }

        return new SmsMeasure(septets, text.Length, other);
    }

    /// <summary>Replaces typographic punctuation that would force UCS-2 with its GSM-7 equivalent.</summary>
    public static string Normalize(string text) => !text.AsSpan().ContainsAny(Typographic) ? text : text
        .Replace('\u2018', '\'').Replace('\u2019', '\'').Replace('\u201A', '\'').Replace('\u2032', '\'')
        .Replace('\u201C', '"').Replace('\u201D', '"').Replace('\u201E', '"').Replace('\u2033', '"')
        .Replace('\u2013', '-').Replace('\u2014', '-').Replace('\u2212', '-')
        .Replace("\u2026", "...", StringComparison.Ordinal)
        .Replace('\u00A0', ' ').Replace('\u2009', ' ').Replace('\u202F', ' ');

    private static int SeptetsOf(char c) => c < (char)Septets.Length ? Septets[c] : c == Euro ? 2 : 0;

    private static byte[] BuildSeptets()
    {
        var table = new byte[0x400];
        foreach (var c in Basic)
        {
            table[c] = 1;
        }

        foreach (var c in Extension)
        {
            if (c < table.Length)
            {
                table[c] = 2;
            }
        }

        return table;
    }
}

/// <summary>
/// A text's SMS size: GSM-7 septets (characters outside GSM-7 counted as none), UTF-16 code units
/// and how many characters are outside GSM-7. Sizes of parts add up to the size of their concatenation.
/// </summary>
public readonly record struct SmsMeasure(int Septets, int CodeUnits, int NonGsmCharacters)
{
    public bool IsGsm7 => NonGsmCharacters == 0;

    /// <summary>Length in the units the charset is billed in.</summary>
    public int Length => IsGsm7 ? Septets : CodeUnits;

    public int SingleSegmentLimit => IsGsm7 ? SmsEncoding.Gsm7SingleSegment : SmsEncoding.Ucs2SingleSegment;

    public bool FitsOneSegment => Length <= SingleSegmentLimit;

    public static SmsMeasure operator +(SmsMeasure left, SmsMeasure right) =>
        new(left.Septets + right.Septets, left.CodeUnits + right.CodeUnits, left.NonGsmCharacters + right.NonGsmCharacters);

    public static SmsMeasure operator -(SmsMeasure left, SmsMeasure right) =>
        new(left.Septets - right.Septets, left.CodeUnits - right.CodeUnits, left.NonGsmCharacters - right.NonGsmCharacters);

    /// <summary>The size of <paramref name="count"/> GSM-7 basic characters (spaces, punctuation).</summary>
    public static SmsMeasure Gsm7Basic(int count) => new(count, count, 0);
}
