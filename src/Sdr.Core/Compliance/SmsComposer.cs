namespace Sdr.Core.Compliance;

/// <summary>
/// Fits a text into one SMS segment: the opening (which names the sender) and the opt-out notice
/// are kept whole; only the body is shortened, at a word boundary. The body keeps as many of its
/// words as fit (trailing ",;:-" of the last one dropped, "..." added unless it ends a sentence);
/// sizes are added up per word, so the text is measured once and built once.
/// </summary>
public static class SmsComposer
{
    private const string Ellipsis = "...";

    private static readonly char[] DanglingPunctuation = [',', ';', ':', '-'];

    public static string Compose(string opening, string body, string? optOutNotice)
    {
        opening = SmsEncoding.Normalize(opening.Trim());
        body = SmsEncoding.Normalize(body.Trim());
        var notice = optOutNotice is null ? null : SmsEncoding.Normalize(optOutNotice.Trim());

        var frame = new Frame(opening, notice);
        if (frame.With(SmsEncoding.Measure(body), body.Length > 0).FitsOneSegment)
        {
            return Join(opening, body, notice);
        }

        if (LongestFittingPrefix(body, frame) is { } shortened)
        {
            return Join(opening, shortened, notice);
        }

        if (frame.With(default, hasBody: false).FitsOneSegment)
        {
            return Join(opening, string.Empty, notice);
        }

        throw new InvalidOperationException("The sender opening and opt-out notice alone do not fit in one SMS segment.");
    }

    /// <summary>
    /// The body cut to its first <c>count</c> words (single-spaced, dangling punctuation trimmed,
    /// sentence ended) for the largest count below the word count that fits the frame; null if none does.
    /// </summary>
    private static string? LongestFittingPrefix(string body, Frame frame)
    {
        var text = body.AsSpan();
        var words = WordCount(text);

        // The size of the first `count` words joined by single spaces, walked from the end of the body.
        var prefix = SmsEncoding.Measure(text) - SmsMeasure.Gsm7Basic(text.Count(' ')) + SmsMeasure.Gsm7Basic(words - 1);
        var end = text.Length;
        for (var count = words - 1; count > 0; count--)
        {
            var lastStart = text[..end].LastIndexOf(' ') + 1;
            prefix -= SmsEncoding.Measure(text[lastStart..end]) + SmsMeasure.Gsm7Basic(1);
            end = text[..lastStart].TrimEnd(' ').Length;

            // `end` now closes word `count`: the one the shortened text ends with.
            var word = text[(text[..end].LastIndexOf(' ') + 1)..end];
            var dangling = word.Length - word.TrimEnd(DanglingPunctuation).Length;
            var shortened = prefix - SmsMeasure.Gsm7Basic(dangling);
            char? last = dangling < word.Length ? word[word.Length - dangling - 1] : count > 1 ? ' ' : null;
            var ended = last is null or '.' or '?' or '!' ? shortened : shortened + SmsMeasure.Gsm7Basic(Ellipsis.Length);
            if (frame.With(ended, hasBody: last is not null).FitsOneSegment)
            {
                return EndSentence(JoinWords(body, end, count).TrimEnd(DanglingPunctuation));
            }
        }

        return null;
    }

    private static int WordCount(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != ' ' && (i == 0 || text[i - 1] == ' '))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The first <paramref name="count"/> words, which end at <paramref name="end"/>, joined by single spaces.</summary>
    private static string JoinWords(string body, int end, int count) =>
        body.AsSpan(0, end).Contains("  ", StringComparison.Ordinal)
            ? string.Join(' ', body.Split(' ', StringSplitOptions.RemoveEmptyEntries), 0, count)
            : body[..end];

    private static string EndSentence(string text) =>
        text.Length == 0 || text[^1] is '.' or '?' or '!' ? text : text + Ellipsis;

    private static string Join(string opening, string body, string? notice)
    {
        var parts = new List<string>(3);
        foreach (var part in new[] { opening, body, notice })
        {
            if (!string.IsNullOrEmpty(part))
            {
                parts.Add(part);
            }
        }

        return string.Join(' ', parts);
    }

    /// <summary>The parts kept whole, measured once: the size of the message around a body of a given size.</summary>
    private readonly struct Frame(string opening, string? notice)
    {
        private readonly SmsMeasure _parts = SmsEncoding.Measure(opening) + SmsEncoding.Measure(notice);
        private readonly int _partCount = (opening.Length > 0 ? 1 : 0) + (string.IsNullOrEmpty(notice) ? 0 : 1);

        /// <summary>The message's size with a body of that size: parts joined by single spaces.</summary>
        public SmsMeasure With(SmsMeasure body, bool hasBody)
        {
            var parts = _partCount + (hasBody ? 1 : 0);
            return _parts + body + SmsMeasure.Gsm7Basic(Math.Max(parts - 1, 0));
        }
    }
}
