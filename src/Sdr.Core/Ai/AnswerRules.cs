using System.Text;
using System.Text.RegularExpressions;

namespace Sdr.Core.Ai;

/// <summary>
/// The content rules a composed answer must keep before the caller may send it: one SMS's room, plain GSM-7 text,
/// no link, no promise, no placeholder, no number we do not hold, and the sender named. A broken rule is named
/// (<c>rule:url</c>) so the fallback can be counted; the caller's own content stage still checks what goes out.
/// </summary>
public static partial class AnswerRules
{
    public const string Empty = "empty";
    public const string NonGsm = "non_gsm";
    public const string Url = "url";
    public const string Promise = "promise";
    public const string Placeholder = "placeholder";
    public const string UnknownFact = "unknown_fact";
    public const string SenderNotNamed = "sender_not_named";

    private const string GsmBasic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string GsmExtension = "^{}\\[~]|€\f";

    /// <summary>The answer as it would be sent: trimmed, unquoted, on one line, typographic punctuation made plain.</summary>
    public static string Normalize(string text)
    {
        var plain = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            plain.Append(c switch
            {
                '\u2018' or '\u2019' or '\u02BC' => "'",
                '\u201C' or '\u201D' => "\"",
                '\u2013' or '\u2014' => "-",
                '\u2026' => "...",
                '\u00A0' => " ",
                _ => c.ToString(),
            });
        }

        var oneLine = Whitespace().Replace(plain.ToString(), " ").Trim();
        return oneLine.Length >= 2 && oneLine[0] == '"' && oneLine[^1] == '"' ? oneLine[1..^1].Trim() : oneLine;
    }

    /// <summary>The reason the normalized answer may not be sent (<see cref="LlmFallbackReasons"/>), or null when it may.</summary>
    public static string? Check(string answer, AnswerBrief brief)
    {
        if (answer.Length == 0)
        {
            return LlmFallbackReasons.Rule(Empty);
        }

        if (!IsGsm(answer))
        {
            return LlmFallbackReasons.Rule(NonGsm);
        }

        if (GsmLength(answer) > brief.MaxLength)
        {
            return LlmFallbackReasons.TooLong;
        }

        if (Link().IsMatch(answer))
        {
            return LlmFallbackReasons.Rule(Url);
        }

        if (PromiseWord().IsMatch(answer))
        {
            return LlmFallbackReasons.Rule(Promise);
        }

        if (answer.IndexOfAny(['{', '}', '[', ']', '<', '>']) >= 0)
        {
            return LlmFallbackReasons.Rule(Placeholder);
        }

        if (HasUnknownNumber(answer, brief))
        {
            return LlmFallbackReasons.Rule(UnknownFact);
        }

        if (!Names(answer, brief.SenderName))
        {
            return LlmFallbackReasons.Rule(SenderNotNamed);
        }

        return null;
    }

    /// <summary>
    /// The reason a rewritten outreach message may not be sent, or null when it may: the rules of an answer, except that
    /// the opening the caller adds names the sender, and that a link or a promise may stay when the template has it.
    /// </summary>
    public static string? Check(string text, OutreachBrief brief)
    {
        if (text.Length == 0)
        {
            return LlmFallbackReasons.Rule(Empty);
        }

        if (brief.IsSms && !IsGsm(text))
        {
            return LlmFallbackReasons.Rule(NonGsm);
        }

        if ((brief.IsSms ? GsmLength(text) : text.Length) > brief.MaxLength)
        {
            return LlmFallbackReasons.TooLong;
        }

        if (Link().IsMatch(text) && !Link().IsMatch(brief.TemplateText))
        {
            return LlmFallbackReasons.Rule(Url);
        }

        if (PromiseWord().IsMatch(text) && !PromiseWord().IsMatch(brief.TemplateText))
        {
            return LlmFallbackReasons.Rule(Promise);
        }

        if (text.IndexOfAny(['{', '}', '[', ']', '<', '>']) >= 0)
        {
            return LlmFallbackReasons.Rule(Placeholder);
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in brief.Facts.Values.Append(brief.TemplateText).Append(brief.CompanyName).Append(brief.SenderName))
        {
            known.UnionWith(Numbers(source));
        }

        return Numbers(text).Any(n => !known.Contains(n)) ? LlmFallbackReasons.Rule(UnknownFact) : null;
    }

    /// <summary>Characters in GSM-7, an extension character counting two (as it does in a segment).</summary>
    public static int GsmLength(string text) => text.Sum(c => GsmExtension.Contains(c) ? 2 : 1);

    public static bool IsGsm(string text) => text.All(c => GsmBasic.Contains(c) || GsmExtension.Contains(c));

    private static bool Names(string answer, string senderName) =>
        !string.IsNullOrWhiteSpace(senderName)
        && Regex.IsMatch(answer, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(senderName.Trim())}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>A price, date, house number or count the model made up: every number must come from what it was given.</summary>
    private static bool HasUnknownNumber(string answer, AnswerBrief brief)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in brief.Facts.Values.Append(brief.ReplyText).Append(brief.TemplateAnswer ?? "").Append(brief.CompanyName).Append(brief.SenderName))
        {
            known.UnionWith(Numbers(source));
        }

        return Numbers(answer).Any(n => !known.Contains(n));
    }

    private static IEnumerable<string> Numbers(string text) =>
        Number().Matches(text).Select(m => m.Value.Replace(",", "", StringComparison.Ordinal).TrimEnd('.'));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"https?://|www\.|\b[a-z0-9-]+\.(com|net|org|io|co|us|ly|me|info|biz|app|link|realty|homes)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"\b(guarantee[sd]?|guaranteeing|promise[sd]?|promising|risk[- ]free|100\s?%)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PromiseWord();

    [GeneratedRegex(@"\d[\d,]*(\.\d+)?")]
    private static partial Regex Number();
}
