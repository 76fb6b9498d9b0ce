using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sdr.Core.Ai;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Conversations;
using Sdr.Core.Configuration;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Experiments;
using Sdr.Core.Messaging;

namespace Sdr.Core.Agent;

/// <summary>An answer ready to queue: its text and where it came from (<c>template:&lt;key&gt;</c> or <c>llm</c>).</summary>
public sealed record WrittenAnswer(string Text, string Source);

/// <summary>
/// Writes the agent's answers (the category's template for the sequence's variant, or the LLM's text inside
/// the content rules when one is configured) and queues them as conversational messages, which pass the same
/// outbound stages as cadence touches (consent, hours, caps, content). At most <c>max_auto_replies_per_day</c>
/// automatic answers go to one contact in 24 hours, whatever they say: no bot-to-bot loops.
/// </summary>
public sealed class AnswerWriter(
    SdrDbContext db,
    OutboundMessageQueue messages,
    ReplyLanguageModel llm,
    LlmUsage usage,
    TimeProvider time,
    PersonalizationEngine personalization,
    ExperimentCatalog experiments,
    IOptions<AgentOptions> options,
    IOptions<MessagingOptions> messaging)
{
    private const int SingleSmsLength = 160;
    private static readonly MessagePurpose[] AutomaticPurposes = [MessagePurpose.Answer, MessagePurpose.QualifyingQuestion, MessagePurpose.BookingOffer];

    /// <summary>The category's answer: the LLM's when it is configured and keeps the rules, else the template.</summary>
    public async Task<WrittenAnswer?> WriteAsync(string category, SdrReply reply, SdrOutreachSequence sequence, CancellationToken cancellationToken)
    {
        var template = options.Value.AnswerFor(category, sequence.AbVariant);
        var filled = template is { } t ? new WrittenAnswer(Fill(t.Template, sequence.Prospect), "template:" + t.Key) : null;
        if (!llm.IsEnabled)
        {
            return filled;
        }

        var settings = messaging.Value;
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (sequence.Prospect?.FirstName is { Length: > 0 } firstName)
        {
            facts["first_name"] = firstName;
        }

        if (sequence.Prospect is { } prospect)
        {
            facts["lead_type"] = prospect.LeadType;
            facts["source"] = prospect.Source;
        }

        var result = await llm.ComposeAnswerAsync(
            new AnswerBrief(category, reply.OwnText(), settings.SenderName, settings.CompanyName, facts, filled?.Text, SingleSmsLength)
            {
                Tone = experiments.ToneFor(sequence.AbTestId, sequence.AbVariant),
            },
            cancellationToken);
        var text = result.Value is { } composed ? SmsEncoding.Normalize(composed.Trim()) : null;
        var fallback = result.FallbackReason ?? (text is null || !SmsEncoding.FitsOneSegment(text) ? "rule:one_segment" : null);
        usage.Record(reply, LlmUsage.Compose, result.Model, result.Latency, fallback);
        return fallback is null ? new WrittenAnswer(text!, "llm") : filled;
    }

    /// <summary>
    /// Queues <paramref name="text"/> as the answer to <paramref name="reply"/> unless the contact has had
    /// <c>max_auto_replies_per_day</c> automatic answers in the last 24 hours (<paramref name="bypassLimit"/>:
    /// a booking's confirmation, which the prospect asked for). Returns why nothing was queued, or null.
    /// </summary>
    public async Task<string?> QueueAsync(MessagePurpose purpose, SdrReply reply, SdrOutreachSequence sequence, string text, string dedupeSuffix, CancellationToken cancellationToken, bool bypassLimit = false)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var limit = options.Value.MaxAutoRepliesPerDay;
        if (!bypassLimit)
        {
            var since = now.AddHours(-24);
            var sent = await db.OutboundMessages.CountAsync(
                m => m.ContactId == reply.ContactId && m.LocationId == reply.LocationId && AutomaticPurposes.Contains(m.Purpose) && m.CreatedAt > since,
                cancellationToken);
            sent += db.ChangeTracker.Entries<SdrOutboundMessage>().Count(e => e.State == EntityState.Added && e.Entity.ContactId == reply.ContactId && AutomaticPurposes.Contains(e.Entity.Purpose));
            if (sent >= limit)
            {
                return $"max_auto_replies_per_day ({limit}) reached";
            }
        }

        var channel = reply.IsEmail ? Channel.Email : Channel.Sms;
        var subject = channel == Channel.Email ? $"Re: your message to {messaging.Value.CompanyName}" : null;
        var key = string.Create(CultureInfo.InvariantCulture, $"{purpose.ToName()}:{reply.LocationId}:{reply.ContactId}:{reply.Id}:{dedupeSuffix}");
        var queued = await messages.EnqueueAsync(purpose, reply.LocationId, reply.ContactId, sequence.Id, channel, text, key, cancellationToken, subject);
        return queued ? null : "already answered";
    }

    /// <summary>Whether this exact text already went (or is queued) to the contact.</summary>
    public async Task<bool> AlreadySentAsync(SdrReply reply, string text, CancellationToken cancellationToken)
    {
        var earlier = await db.OutboundMessages.AsNoTracking()
            .Where(m => m.ContactId == reply.ContactId && m.LocationId == reply.LocationId && AutomaticPurposes.Contains(m.Purpose))
            .Select(m => m.Body)
            .ToListAsync(cancellationToken);
        return earlier.Contains(text, StringComparer.Ordinal);
    }

    /// <summary>Fills {first_name}, {sender_name}, {company} as the cadence's templates are (<see cref="PersonalizationEngine.Fill"/>).</summary>
    public string Fill(string template, SdrProspect? prospect) =>
        personalization.Fill(template, new ProspectFacts(prospect?.FirstName, prospect?.LeadType ?? "ambiguous", prospect?.Source ?? string.Empty));
}
