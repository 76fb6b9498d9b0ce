using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Sdr.Core.Replies;

/// <summary>
/// Turns an email reply body (plain text or HTML) into the prospect's own new text: tags stripped
/// (script, style, head and quoted <c>blockquote</c> content removed), entities decoded, quoted history
/// dropped ("On … wrote:", lines starting with "&gt;", "-----Original Message-----", Outlook "From: … Sent:"
/// headers, forwarded-message markers) and everything from a mobile signature ("Sent from my iPhone") or a
/// "-- " signature line on. Never throws: empty, huge or binary bodies give empty or trimmed text.
/// </summary>
public static class EmailReplyText
{
    /// <summary>Bodies are read up to this length; the prospect's reply is at the top.</summary>
    public const int MaxBodyChars = 64_000;

    private const int HeaderBlockLines = 4;

    private const int MaxWroteLineChars = 400;

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private static readonly Regex LooksLikeHtml = Compile(@"<(html|body|div|p|br|span|blockquote|table|td|head|meta|style|font|b|i|a|ul|li|!doctype|!--)[\s/>]");

    private static readonly Regex WroteLine = Compile(
        @"^(on|le|am|el|em)\s.*(wrote|escribi[oó]|a [ée]crit|schrieb|escreveu)\s*:?\s*$");

    private static readonly Regex HistoryMarker = Compile(
        @"^(-{2,}\s*original message\s*-{2,}|-{2,}\s*mensaje original\s*-{2,}|_{8,}|-{5,}\s*forwarded message\s*-{5,}|begin forwarded message:|-{2,}\s*reply above this line\s*-{2,})");

    private static readonly Regex HeaderFrom = Compile(@"^\*?(from|de)\s*:\*?\s");

    private static readonly Regex HeaderSentOrDate = Compile(@"^\*?(sent|date|enviado|fecha|to|para|subject|asunto)\s*:\*?\s");

    private static readonly Regex Signature = Compile(
        @"^(sent from my\s|sent from (outlook|yahoo mail|mail for windows)|get outlook for\s|enviado desde mi\s|--\s*$)");

    private static readonly Regex Whitespace = Compile(@"[ \t\u00A0\u2007\u202F]+");

    private static readonly HashSet<string> SkippedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "head", "title", "blockquote",
    };

    private static readonly HashSet<string> LineBreakElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "ul", "ol", "pre",
    };

    public static string Clean(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "";
        }

        var text = ReplyText.Sanitize(body, MaxBodyChars);
        if (LooksLikeHtml.IsMatch(text))
        {
            text = WebUtility.HtmlDecode(StripTags(text));
        }

        return DropHistory(text);
    }

    private static string DropHistory(string text)
    {
        var lines = text.Split('\n');
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = Whitespace.Replace(lines[i], " ").Trim();
            if (line.StartsWith('>'))
            {
                continue;
            }

            if (StartsHistory(lines, i, line))
            {
                break;
            }

            if (line.Length > 0)
            {
                kept.Append(line).Append('\n');
            }
        }

        return kept.ToString().Trim();
    }

    private static bool StartsHistory(string[] lines, int index, string line)
    {
        if (HistoryMarker.IsMatch(line) || Signature.IsMatch(line) || (line.Length <= MaxWroteLineChars && WroteLine.IsMatch(line)))
        {
            return true;
        }

        // "On Mon, Dec 1, 2026 at 9:00 AM Alex <a@b>" wrapped onto a second line "wrote:".
        if (index + 1 < lines.Length && line.Length <= MaxWroteLineChars && WroteLine.IsMatch($"{line} {lines[index + 1].Trim()}"))
        {
            return true;
        }

        if (!HeaderFrom.IsMatch(line))
        {
            return false;
        }

        for (var next = index + 1; next < lines.Length && next <= index + HeaderBlockLines; next++)
        {
            if (HeaderSentOrDate.IsMatch(lines[next].Trim()))
            {
                return true;
            }
        }

        return false;
    }

    // A small linear scanner rather than an HTML parser: replies are short, and all that matters is the text.
    private static string StripTags(string html)
    {
        var text = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c != '<' || i + 1 >= html.Length || !(char.IsLetter(html[i + 1]) || html[i + 1] is '/' or '!'))
            {
                text.Append(c);
                i++;
                continue;
            }

            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var endComment = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = endComment < 0 ? html.Length : endComment + 3;
                continue;
            }

            var end = html.IndexOf('>', i + 1);
            if (end < 0)
            {
                break;
            }

            var name = TagName(html, i + 1, end, out var closing);
            if (!closing && SkippedElements.Contains(name) && html[end - 1] != '/')
            {
                i = SkipElement(html, end + 1, name);
                text.Append('\n');
                continue;
            }

            if (LineBreakElements.Contains(name))
            {
                text.Append('\n');
            }
            else
            {
                text.Append(' ');
            }

            i = end + 1;
        }

        return text.ToString();
    }

    private static string TagName(string html, int start, int end, out bool closing)
    {
        closing = start < end && html[start] == '/';
        var from = closing ? start + 1 : start;
        var to = from;
        while (to < end && (char.IsLetterOrDigit(html[to]) || html[to] == '!'))
        {
            to++;
        }

        return html[from..to];
    }

    // Skips to after the element's closing tag, counting nested elements of the same name (quoted replies nest).
    private static int SkipElement(string html, int from, string name)
    {
        var open = "<" + name;
        var close = "</" + name;
        var depth = 1;
        var i = from;
        while (depth > 0)
        {
            var nextClose = html.IndexOf(close, i, StringComparison.OrdinalIgnoreCase);
            if (nextClose < 0)
            {
                return html.Length;
            }

            var nextOpen = html.IndexOf(open, i, nextClose - i, StringComparison.OrdinalIgnoreCase);
            if (nextOpen >= 0)
            {
                depth++;
                i = nextOpen + open.Length;
                continue;
            }

            depth--;
            i = nextClose + close.Length;
        }

        var tagEnd = html.IndexOf('>', i);
        return tagEnd < 0 ? html.Length : tagEnd + 1;
    }

    private static Regex Compile(string pattern) =>
        new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout);
}
