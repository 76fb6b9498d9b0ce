using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sdr.Core.Compliance.Consent;
using Sdr.Core.Compliance.Conversations;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Outbox;
using Sdr.Core.Replies;
using Sdr.Core.Sequences;

namespace Sdr.Core.Agent;

/// <summary>What the webhook processor learned from one inbound message.</summary>
public sealed record ReplyIntakeResult(bool Ignored, string Outcome);

/// <summary>
/// The first half of the seed's <c>SDRAgent.process_inbound_reply</c>, run inside the ordered webhook
/// processing (in the event's transaction) and kept to local, fast work: classify by keywords and patterns,
/// record the reply, act on what compliance demands at once (STOP and <c>not_interested</c> opt out; HELP is
/// answered; START renews consent), pause the automated cadence for a human reply, and queue the rest — the
/// LLM, the answer, qualification, booking, handoff — for <see cref="SdrAgent"/> on the outbox's loop, so one
/// slow answer never holds up the next event.
/// </summary>
public sealed class ReplyIntake(
    SdrDbContext db,
    ObjectionHandler objections,
    OptOutService optOuts,
    ReplyOptOut replyOptOut,
    OutboundMessageQueue messages,
    GhlActionQueue actions,
    ConversationEvents events,
    TimeProvider time,
    IOptions<ReplyComplianceOptions> compliance,
    IOptions<AgentOptions> options)
{
    /// <param name="knownWithoutSequence">True when the caller knows the contact has no sequence (the query is skipped).</param>
    public async Task<ReplyIntakeResult> TakeAsync(SdrWebhookEvent webhookEvent, InboundReply inbound, bool knownWithoutSequence, CancellationToken cancellationToken)
    {
        var (contactId, locationId) = (inbound.ContactId, inbound.LocationId);
        var isEmail = inbound.IsEmail;
        var isText = !isEmail;
        var verdict = objections.Classify(inbound.Body, isEmail);
        var sequence = knownWithoutSequence
            ? null
            : await db.Sequences.LatestFor(contactId, locationId).FirstOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;

        var reply = new SdrReply
        {
            SequenceId = sequence?.Id,
            ContactId = contactId,
            LocationId = locationId,
            MessageId = inbound.MessageId,
            MessageType = isEmail ? SdrReply.EmailMessageType : "SMS",
            WebhookEventId = webhookEvent.Id,
            Body = inbound.Body,
            ReceivedAt = now,
            Category = verdict.Category.ToName(),
            Confidence = verdict.Confidence,
            DecidedBy = verdict.DecidedBy,
            Rule = Truncate(verdict.Rule, 64),
            AlsoDetected = verdict.AlsoDetected.Count == 0 ? null : Truncate(string.Join(',', verdict.AlsoDetected.Select(c => c.ToName())), 200),
            IsAutoResponder = verdict.IsAutoResponder,
        };

        string outcome;
        if (verdict.OptsOut)
        {
            var result = await replyOptOut.OptOutAsync(reply, sequence, verdict.Category, verdict.Rule, webhookEvent.DedupeKey, now, cancellationToken);
            outcome = $"opted out ({verdict.Category.ToName()}: {verdict.Rule}); {result.SequencesEnded} sequence(s) ended{(result.ConfirmationQueued ? "; confirmation queued" : string.Empty)}";
            reply.Action = "opted out";
            reply.HandledAt = now;
        }
        else if (verdict.Category == ReplyCategory.Help)
        {
            var today = now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var help = MessagePurpose.HelpReply;
            var queued = isText && await messages.EnqueueAsync(
                help, locationId, contactId, sequence?.Id, Channel.Sms, optOuts.Fill(compliance.Value.HelpText), $"{help.ToName()}:{locationId}:{contactId}:{today}", cancellationToken);
            outcome = queued ? "help reply queued" : "help reply already sent today";
            reply.Action = outcome;
            reply.HandledAt = now;
        }
        else if (verdict.Category == ReplyCategory.Start)
        {
            var lifted = await optOuts.RenewConsentAsync(contactId, locationId, webhookEvent.DedupeKey, cancellationToken);
            outcome = $"consent renewed ({lifted} suppression(s) lifted); not re-enrolled";
            reply.Action = outcome;
            reply.HandledAt = now;
        }
        else if (sequence is null)
        {
            return new ReplyIntakeResult(true, "contact not enrolled");
        }
        else
        {
            outcome = await TakeConversationalAsync(webhookEvent, reply, verdict, sequence, now, cancellationToken);
        }

        if (sequence is not null)
        {
            if (!verdict.IsAutoResponder)
            {
                sequence.ReplyCount++;
                sequence.UpdatedAt = now;
            }

            await RecordOnLastTouchAsync(sequence, inbound.Body, now, cancellationToken);
        }

        db.Replies.Add(reply);
        return new ReplyIntakeResult(false, outcome);
    }

    private async Task<string> TakeConversationalAsync(SdrWebhookEvent webhookEvent, SdrReply reply, ReplyClassification verdict, SdrOutreachSequence sequence, DateTime now, CancellationToken cancellationToken)
    {
        if (verdict.IsAutoResponder)
        {
            reply.Action = "not answered: auto-responder";
            reply.HandledAt = now;
            return "auto-responder recorded; not answered, cadence not paused";
        }

        if (!sequence.IsActive)
        {
            reply.Action = $"not answered: sequence ended ({sequence.CurrentStep.ToName()})";
            reply.HandledAt = now;
            return "reply recorded; " + reply.Action;
        }

        if (string.IsNullOrWhiteSpace(reply.Body))
        {
            reply.Action = "not answered: empty message";
            reply.HandledAt = now;
            return "empty reply recorded";
        }

        // A human answered: the automated cadence pauses at once, the conversation decides what comes next.
        var resumesAt = now.AddHours(options.Value.ResumeAfterSilenceHours);
        if (sequence.IsPaused)
        {
            sequence.ExtendPause(resumesAt, now);
        }
        else
        {
            sequence.Pause(now, ConversationEvents.ReplyPauseReason, resumesAt);
            events.Add(sequence, SequenceEventKinds.Paused, $"the prospect replied: automated touches paused until {resumesAt:yyyy-MM-dd HH:mm} UTC unless the conversation goes on", now);
        }

        await events.SettleObjectionsAsync(sequence.ContactId, sequence.LocationId, ObjectionOutcomes.Replied, now, cancellationToken);
        await actions.EnqueueAsync(SdrAgent.AnswerReplyKind, sequence.LocationId, sequence.ContactId, $"{SdrAgent.AnswerReplyKind}:{webhookEvent.DedupeKey}", webhookEvent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        reply.Action = "answer queued";
        return $"{verdict.Category.ToName()} ({verdict.DecidedBy}); cadence paused; answer queued";
    }

    private async Task RecordOnLastTouchAsync(SdrOutreachSequence sequence, string? body, DateTime now, CancellationToken cancellationToken)
    {
        var lastTouch = await db.Touches
            .Where(t => t.SequenceId == sequence.Id && t.Status == TouchStatus.Sent)
            .OrderByDescending(t => t.SentAt).ThenByDescending(t => t.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (lastTouch is not null && lastTouch.RepliedAt is null)
        {
            lastTouch.RepliedAt = now;
            lastTouch.ReplyBody = body;
        }
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}

/// <summary>One inbound message as the webhook carried it.</summary>
public sealed record InboundReply(string ContactId, string LocationId, string? Body, string? MessageId, bool IsEmail);
