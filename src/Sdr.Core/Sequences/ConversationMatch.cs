using System.Net;
using System.Text.RegularExpressions;
using Sdr.Core.Data.Entities;
using Sdr.Core.GoHighLevel;

namespace Sdr.Core.Sequences;

/// <summary>Recognises a touch of ours in a contact's GHL conversation history.</summary>
internal static partial class ConversationMatch
{
    /// <summary>GHL's timestamps and ours come from different clocks.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    /// <summary>An outbound message of the channel, added at or after the reservation (less the clock skew).</summary>
    public static bool IsCandidate(GhlMessage message, Channel channel, DateTime reservedAt) =>
        string.Equals(message.Direction, "outbound", StringComparison.OrdinalIgnoreCase)
        && IsOfChannel(message.MessageType, channel)
        && message.DateAdded.UtcDateTime >= reservedAt - ClockSkew;

    /// <summary>
    /// Same text: SMS bodies come back as sent; emails come back as the HTML we sent
    /// (line breaks as &lt;br&gt;, entities encoded), so both sides are compared as plain text.
    /// </summary>
    public static bool SameBody(string? historyBody, string touchBody) =>
        historyBody is not null && string.Equals(Plain(historyBody), Plain(touchBody), StringComparison.Ordinal);

    private static bool IsOfChannel(string? messageType, Channel channel) => channel switch
    {
        Channel.Sms => string.Equals(messageType, "TYPE_SMS", StringComparison.OrdinalIgnoreCase) || string.Equals(messageType, "SMS", StringComparison.OrdinalIgnoreCase),
        Channel.Email => string.Equals(messageType, "TYPE_EMAIL", StringComparison.OrdinalIgnoreCase) || string.Equals(messageType, "Email", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static string Plain(string text) =>
        WebUtility.HtmlDecode(LineBreakTag().Replace(text, "\n")).ReplaceLineEndings("\n").Trim();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreakTag();
}
