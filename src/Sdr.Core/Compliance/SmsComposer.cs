namespace Sdr.Core.Compliance;

/// <summary>
/// Fits a text into one SMS segment: the opening (which names the sender) and the opt-out notice
/// are kept whole; only the body is shortened, at a word boundary.
/// </summary>
public static class SmsComposer
{
    public static string Compose(string opening, string body, string? optOutNotice)
    {
        opening = SmsEncoding.Normalize(opening.Trim());
        body = SmsEncoding.Normalize(body.Trim());
        var notice = optOutNotice is null ? null : SmsEncoding.Normalize(optOutNotice.Trim());

        var full = Join(opening, body, notice);
        if (SmsEncoding.FitsOneSegment(full))
        {
            return full;
        }

        var words = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var count = words.Length - 1; count > 0; count--)
        {
            var shortened = string.Join(' ', words, 0, count).TrimEnd(',', ';', ':', '-');
            var candidate = Join(opening, EndSentence(shortened), notice);
            if (SmsEncoding.FitsOneSegment(candidate))
            {
                return candidate;
            }
        }

        var bare = Join(opening, string.Empty, notice);
        if (SmsEncoding.FitsOneSegment(bare))
        {
            return bare;
        }

        throw new InvalidOperationException("The sender opening and opt-out notice alone do not fit in one SMS segment.");
    }

    private static string EndSentence(string text) =>
        text.Length == 0 || text[^1] is '.' or '?' or '!' ? text : text + "...";

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
}
