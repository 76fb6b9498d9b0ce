using System.Collections.Frozen;

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

    private static readonly FrozenSet<char> BasicSet = Basic.ToFrozenSet();
    private static readonly FrozenSet<char> ExtensionSet = Extension.ToFrozenSet();

    public static SmsCharset CharsetOf(string text)
    {
        foreach (var c in text)
        {
            if (!BasicSet.Contains(c) && !ExtensionSet.Contains(c))
            {
                return SmsCharset.Ucs2;
            }
        }

        return SmsCharset.Gsm7;
    }

    /// <summary>Length in the units the charset is billed in (septets or UTF-16 code units).</summary>
    public static int Length(string text)
    {
        if (CharsetOf(text) == SmsCharset.Ucs2)
        {
            return text.Length;
        }

        var length = 0;
        foreach (var c in text)
        {
            length += ExtensionSet.Contains(c) ? 2 : 1;
        }

        return length;
    }

    public static int SingleSegmentLimit(string text) =>
        CharsetOf(text) == SmsCharset.Gsm7 ? Gsm7SingleSegment : Ucs2SingleSegment;

    public static int Segments(string text)
    {
        var length = Length(text);
        var gsm = CharsetOf(text) == SmsCharset.Gsm7;
        var single = gsm ? Gsm7SingleSegment : Ucs2SingleSegment;
        var part = gsm ? Gsm7MultipartSegment : Ucs2MultipartSegment;
        return length <= single ? 1 : (length + part - 1) / part;
    }

    public static bool FitsOneSegment(string text) => Length(text) <= SingleSegmentLimit(text);

    /// <summary>Replaces typographic punctuation that would force UCS-2 with its GSM-7 equivalent.</summary>
    public static string Normalize(string text) => text
        .Replace('\u2018', '\'').Replace('\u2019', '\'').Replace('\u201A', '\'').Replace('\u2032', '\'')
        .Replace('\u201C', '"').Replace('\u201D', '"').Replace('\u201E', '"').Replace('\u2033', '"')
        .Replace('\u2013', '-').Replace('\u2014', '-').Replace('\u2212', '-')
        .Replace("\u2026", "...", StringComparison.Ordinal)
        .Replace('\u00A0', ' ').Replace('\u2009', ' ').Replace('\u202F', ' ');
}
