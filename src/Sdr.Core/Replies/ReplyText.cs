using System.Text;

namespace Sdr.Core.Replies;

/// <summary>
/// Makes any inbound body safe to classify: control characters and broken surrogates (binary junk)
/// become spaces, and the text is cut to <see cref="MaxClassifiedChars"/> without splitting a character.
/// </summary>
internal static class ReplyText
{
    /// <summary>The most of a reply that is classified; the prospect's point is in its first lines.</summary>
    public const int MaxClassifiedChars = 2_000;

    public static string Sanitize(string body, int maxChars)
    {
        var length = Math.Min(body.Length, maxChars);
        if (length < body.Length && char.IsHighSurrogate(body[length - 1]))
        {
            length--;
        }

        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            var c = body[i];
            if (char.IsHighSurrogate(c) && i + 1 < length && char.IsLowSurrogate(body[i + 1]))
            {
                builder.Append(c).Append(body[++i]);
            }
            else if (char.IsSurrogate(c) || (char.IsControl(c) && c is not '\n') || c == '\uFFFD')
            {
                builder.Append(c is '\r' ? '\n' : ' ');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
