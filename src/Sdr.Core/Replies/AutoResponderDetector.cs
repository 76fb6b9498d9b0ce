using System.Text.RegularExpressions;

namespace Sdr.Core.Replies;

/// <summary>
/// Replies no human typed: phone driving modes, out-of-office and "automatic reply" messages, business
/// auto-replies, carrier and mail-system notices. They are never answered (two bots would answer each
/// other forever). Each pattern is the wording of a template, not a topic, so a person writing "I'm out of
/// the office today, call me tomorrow" may be taken for one: the cost is one unanswered reply.
/// </summary>
internal static class AutoResponderDetector
{
    private static readonly (string Rule, Regex Pattern)[] Templates =
    [
        ("driving", Compile(
            @"\bdo not disturb while driving\b|\bdriving with do not disturb\b|\bwhen i get where i'm going\b|^(i'm|im|i am) driving( right now| now| at the moment)?( i'll| ill| i will| and| will| please| sent| text| call| reply| talk)\b|^(i'm|im|i am) driving( right now| now)?$|\bdriving mode\b|\bestoy (manejando|conduciendo)\b")),
        ("out_of_office", Compile(
            @"\bout of (the|my) office\b|\bout of office\b|\b(automatic|automated|auto) (reply|replies|response|message|respuesta)\b|\bauto reply\b|\bautoreply\b|\bsent automatically\b|\brespuesta automatica\b|\b(i am|i'm|im) (currently )?(away|on vacation|on holiday|on leave|traveling|travelling|out)( of town)?( and| with| until| through| till| from)\b|\bon (vacation|holiday|leave) (until|till|through)\b|\b(limited|no) access to (email|e mail|my email|my phone)\b|\b(will|shall) (respond|reply|return your|get back to you)( to your (message|email|e mail|text))? (upon|on|when|after) (my )?(return|i return|i'm back|i am back)\b|\b(upon|on) my return\b")),
        ("thanks_for_contacting", Compile(
            @"\bthank(s| you) for (your|the) (message|email|e mail|text|inquiry|enquiry)\b.*\b(i|we)( will|'ll|ll| shall) (respond|reply|get back|be in touch|return)\b|\bthank(s| you) for (contacting|reaching out to|texting|messaging|calling) [a-z]+.*\b(hours|get back|respond|reply)\b|\b(office|business) hours\b|\bwill (get back to you|respond|reply) (as soon as|shortly|within|during)\b|^sorry i can't talk right now$|^sorry i cant talk right now$|\bi can't talk right now i'll\b")),
        ("delivery_failure", Compile(
            @"^free msg\b|\bno longer in service\b|\b(is )?not in service\b|\bnot a valid (mobile|cell|phone )?number\b|^message blocked\b|\bmessage blocking\b|\b(could|can) ?(not|n't) be delivered\b|\bcouldn't be delivered\b|\bwas not delivered\b|\bnot delivered\b|\bdelivery (status notification|has failed|failed|failure|to the following)\b|\bmail delivery (failed|failure|subsystem|software)\b|\bundeliverable\b|\bnot accepting (text|sms)\b|\bmailbox (is )?full\b|\bmailer daemon\b|\bpostmaster\b|\bunable to (send|deliver) (message|your message)\b|\brecipient (has blocked|address rejected)\b")),
    ];

    /// <summary>The template's rule name (<c>patterns:auto_responder.driving</c>), or null for a human reply.</summary>
    public static string? Detect(NormalizedReply reply)
    {
        foreach (var (rule, pattern) in Templates)
        {
            if (pattern.IsMatch(reply.Text))
            {
                return $"{ReplyDecidedBy.Patterns}:auto_responder.{rule}";
            }
        }

        return null;
    }

    private static Regex Compile(string pattern) => ReplyRegex.Compile(pattern);
}
