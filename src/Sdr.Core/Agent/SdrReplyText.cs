using Sdr.Core.Data.Entities;
using Sdr.Core.Replies;

namespace Sdr.Core.Agent;

internal static class SdrReplyText
{
    /// <summary>What the prospect wrote: an email's own text without its HTML and quoted history, a text as it came.</summary>
    public static string OwnText(this SdrReply reply) => reply.IsEmail ? EmailReplyText.Clean(reply.Body) : reply.Body ?? string.Empty;
}
