using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sdr.Core.Booking;

internal enum TokenKind
{
    Word,

    /// <summary>Digits, perhaps with minutes ("10:30") and letters stuck to them ("3pm", "2nd", "200k").</summary>
    Number,

    /// <summary>"#", "@" or ")" beside a number.</summary>
    Mark,

    /// <summary>Anything else that is not punctuation ("$200", "50%"): a sign the message is about something else.</summary>
    Other,
}

/// <summary>One token of a reply: <see cref="Value"/> and <see cref="Minutes"/> are set for numbers.</summary>
internal sealed record ReplyToken(TokenKind Kind, string Text, int Value = 0, int? Minutes = null, string Suffix = "");

/// <summary>
/// A reply cut into clauses of tokens: lower case, accents and apostrophes dropped ("don't" is "dont",
/// "mañana" is "manana"), keycap emoji read as their digit, a thumbs-up as "yes". Clauses end at
/// punctuation and at "but" / "pero", so "tuesday doesn't work, wednesday does" is two clauses.
/// </summary>
internal static partial class ReplyTokens
{
    private static readonly string[] Affirming = ["\U0001F44D", "\U0001F44C", "\u2705", "\u2714", "\U0001F64C"];
    private static readonly HashSet<string> ClauseWords = new(StringComparer.Ordinal) { "but", "pero", "though", "instead", "sino" };

    public static string Normalize(string? reply)
    {
        if (string.IsNullOrWhiteSpace(reply))
        {
            return "";
        }

        var text = Keycap().Replace(reply, "$1 ").Replace("\U0001F51F", " 10 ", StringComparison.Ordinal);
        foreach (var emoji in Affirming)
        {
            text = text.Replace(emoji, " yes ", StringComparison.Ordinal);
        }

        text = text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u02BC', '\'').ToLowerInvariant();
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && c != '\'')
            {
                plain.Append(c);
            }
        }

        return Meridiem().Replace(plain.ToString().Normalize(NormalizationForm.FormC), "$1m ");
    }

    public static List<List<ReplyToken>> Clauses(string normalized)
    {
        var clauses = new List<List<ReplyToken>> { new() };
        foreach (Match match in Token().Matches(normalized))
        {
            if (match.Groups["stop"].Success || (match.Groups["word"].Success && ClauseWords.Contains(match.Value)))
            {
                if (clauses[^1].Count > 0)
                {
                    clauses.Add([]);
                }

                continue;
            }

            clauses[^1].Add(Read(match));
        }

        clauses.RemoveAll(c => c.Count == 0);
        return clauses;
    }

    private static ReplyToken Read(Match match)
    {
        if (match.Groups["word"].Success)
        {
            return new ReplyToken(TokenKind.Word, match.Value);
        }

        if (match.Groups["mark"].Success)
        {
            return new ReplyToken(TokenKind.Mark, match.Value);
        }

        if (!match.Groups["digits"].Success || match.Groups["digits"].Value.Length > 4)
        {
            return new ReplyToken(TokenKind.Other, match.Value);
        }

        var value = int.Parse(match.Groups["digits"].Value, CultureInfo.InvariantCulture);
        int? minutes = match.Groups["minutes"].Success ? int.Parse(match.Groups["minutes"].Value, CultureInfo.InvariantCulture) : null;
        return new ReplyToken(TokenKind.Number, match.Value, value, minutes, match.Groups["suffix"].Value);
    }

    [GeneratedRegex(@"([0-9#])\uFE0F?\u20E3")]
    private static partial Regex Keycap();

    /// <summary>"3 p.m." and "3pm." read as "3 pm".</summary>
    [GeneratedRegex(@"\b([ap])\.\s?m\b\.?")]
    private static partial Regex Meridiem();

    [GeneratedRegex(@"(?<other>[$€£]\d[\d,.]*[a-z]*|\d+%)|(?<digits>\d+)(?:[:.](?<minutes>[0-5]\d)(?!\d))?(?<suffix>[a-z]*)|(?<word>[a-z]+)|(?<mark>[#@)])|(?<stop>[,.;:!?\n\u2026/-]+)")]
    private static partial Regex Token();
}
