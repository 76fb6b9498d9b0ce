using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sdr.Core.Ai;
using Sdr.Core.Configuration;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Qualification;
using Sdr.Core.Replies;
using Sdr.Core.Sequences;

namespace Sdr.Core.Agent;

/// <summary>
/// The seed's SDRAgent: the second half of <c>process_inbound_reply</c> and <c>evaluate_and_handoff</c>. Runs
/// on the outbox's loop (queued by <see cref="ReplyIntake"/> in the webhook's transaction, claimed and retried
/// like a GHL write), so GHL reads, the LLM and the answer never hold up the ordered webhook processing.
/// For one reply: the LLM when the patterns were unsure; an open booking offer read against it; then by
/// category — <c>timing</c> rests the contact at NURTURE_PAUSE, an objection gets its rebuttal, engagement
/// runs the QualificationGate over the whole conversation: passed, the contact is booked first when HOT and
/// handed off; not passed, one qualifying question. Every answer goes through the outbound stages.
/// </summary>
public sealed class SdrAgent(
    SdrDbContext db,
    ObjectionHandler objections,
    ReplyLanguageModel llm,
    LlmUsage usage,
    AnswerWriter answers,
    ConversationHistory history,
    QualificationGate gate,
    HandoffService handoff,
    SdrBookingService booking,
    ReplyOptOut replyOptOut,
    ConversationEvents events,
    ConversationStore store,
    CadenceWindows windows,
    TimeProvider time,
    IOptions<AgentOptions> options,
    IOptions<MessagingOptions> messaging)
{
    /// <summary>The queued action (<c>sdr_ghl_actions.kind</c>) that carries one reply's work; its payload is the webhook event id.</summary>
    public const string AnswerReplyKind = "answer_reply";

    /// <summary>The decoder's timeline signal; its weight grows with nearness (10 points: within six months).</summary>
    private const string NearTimelineSignal = "timeline";
    private const double NearTimelineMinWeight = 10;

    private static readonly JsonSerializerOptions SignalJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Does the agent's work on the reply the webhook event <paramref name="webhookEventId"/> delivered, once.</summary>
    public async Task ProcessInboundReplyAsync(long webhookEventId, CancellationToken cancellationToken)
    {
        var reply = await db.Replies.FirstOrDefaultAsync(r => r.WebhookEventId == webhookEventId, cancellationToken);
        if (reply is null || reply.HandledAt is not null)
        {
            return;
        }

        var sequence = reply.SequenceId is { } sequenceId
            ? await db.Sequences.Include(s => s.Prospect).FirstOrDefaultAsync(s => s.Id == sequenceId, cancellationToken)
            : null;
        if (sequence is null || !sequence.IsActive)
        {
            await FinishAsync(reply, $"not answered: sequence ended ({sequence?.CurrentStep.ToName() ?? "none"})", cancellationToken);
            return;
        }

        // The conversation is read first (GHL's history is the slow part), then: a prospect who wrote again
        // meanwhile gets one answer, to the whole conversation, from the later reply's work.
        var conversation = await history.ReadAsync(sequence.ContactId, sequence.LocationId, cancellationToken);
        if (await db.Replies.AnyAsync(r => r.ContactId == reply.ContactId && r.LocationId == reply.LocationId && r.Id > reply.Id && r.HandledAt == null && !r.IsAutoResponder, cancellationToken))
        {
            await FinishAsync(reply, "answered with the next reply", cancellationToken);
            return;
        }

        var category = await ClassifyAsync(reply, cancellationToken);
        if (ObjectionHandler.ShouldOptOut(category))
        {
            await OptOutByLlmAsync(reply, sequence, category, cancellationToken);
            return;
        }

        var action = await ActAsync(reply, sequence, category, conversation, cancellationToken);
        await FinishAsync(reply, action, cancellationToken);
    }

    /// <summary>
    /// <c>evaluate_and_handoff</c> on demand: the QualificationGate over the whole conversation, the scores stored;
    /// a pass hands the contact off (unless a booking offer is open: the handoff follows the booking).
    /// Null when the contact was never enrolled.
    /// </summary>
    public async Task<GateDecision?> EvaluateAndHandoffAsync(string contactId, string? locationId, CancellationToken cancellationToken)
    {
        var sequence = await db.Sequences.Include(s => s.Prospect).LatestFor(contactId, locationId).FirstOrDefaultAsync(cancellationToken);
        if (sequence is null)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var conversation = await history.ReadAsync(sequence.ContactId, sequence.LocationId, cancellationToken);
        var decision = Evaluate(sequence, conversation, now);
        if (decision.Passed && sequence.IsActive && (!booking.IsConfigured || await booking.OpenOfferAsync(sequence, cancellationToken) is null))
        {
            await handoff.HandOffAsync(sequence, decision, "qualified (evaluated on request)", conversation, now, cancellationToken);
        }

        await store.SaveAsync(cancellationToken);
        return decision;
    }

    private async Task<ReplyCategory> ClassifyAsync(SdrReply reply, CancellationToken cancellationToken)
    {
        var verdict = objections.Classify(reply.Body, reply.IsEmail);
        if (!llm.IsEnabled || verdict.DecidedBy == ReplyDecidedBy.Keywords
            || (!verdict.IsUnsure && verdict.Confidence >= options.Value.LlmClassificationBelowConfidence))
        {
            return verdict.Category;
        }

        var result = await llm.ClassifyAsync(reply.OwnText(), ReplyCategoryNames.All, cancellationToken);
        var fallback = result.FallbackReason;
        if (fallback is null && (result.Value is null || !ReplyCategoryNames.TryParse(result.Value.Label, out _)))
        {
            fallback = "invalid_label";
        }

        usage.Record(reply, LlmUsage.Classify, result.Model, result.Latency, fallback);
        if (fallback is not null || !ReplyCategoryNames.TryParse(result.Value!.Label, out var category))
        {
            return verdict.Category;
        }

        reply.Category = category.ToName();
        reply.Confidence = result.Value.Confidence;
        reply.DecidedBy = ReplyDecidedBy.Llm;
        reply.Rule = "llm";

        // The LLM names HELP or START only as a reading of free text: consent and HELP stay with their keywords.
        return category is ReplyCategory.Help or ReplyCategory.Start ? ReplyCategory.Engagement : category;
    }

    private async Task OptOutByLlmAsync(SdrReply reply, SdrOutreachSequence sequence, ReplyCategory category, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await replyOptOut.OptOutAsync(reply, sequence, category, "llm:" + category.ToName(), $"reply:{reply.Id}", now, cancellationToken);
        await FinishAsync(reply, "opted out (llm)", cancellationToken);
    }

    /// <summary>Acts on a human reply of a running sequence; returns what was done (no message text).</summary>
    private async Task<string> ActAsync(SdrReply reply, SdrOutreachSequence sequence, ReplyCategory category, IReadOnlyList<ConversationTurn> conversation, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (booking.IsConfigured && await booking.OpenOfferAsync(sequence, cancellationToken) is { } offer)
        {
            var step = await booking.HandleReplyAsync(offer, sequence, reply, cancellationToken);
            if (step != BookingStep.NotAboutTheOffer)
            {
                if (step is BookingStep.Booked or BookingStep.NoBooking)
                {
                    var decision = Evaluate(sequence, conversation, now);
                    var why = step == BookingStep.Booked ? "booked a call" : "qualified; did not book (" + reply.Action + ")";
                    await handoff.HandOffAsync(sequence, decision, why, conversation, now, cancellationToken);
                }

                return reply.Action ?? step.ToString();
            }
        }

        // "We'd like to move in the next few months" reads as timing to the patterns, but a prospect who names a
        // timeline within six months is a lead to qualify, not one to rest for months.
        var gateDecision = Evaluate(sequence, conversation, now);
        if (category == ReplyCategory.Timing && HasNearTimeline(gateDecision))
        {
            category = ReplyCategory.Engagement;
        }

        switch (category)
        {
            case ReplyCategory.Timing:
                var timing = await AnswerObjectionAsync(reply, sequence, category, gateDecision, cancellationToken);
                var checkInAt = windows.ComputeNextTouchTime(sequence, CadenceWindows.Recipient(sequence), SequenceStep.NurturePause, now)!.Value;
                sequence.EnterNurture(checkInAt, now);
                events.Add(sequence, SequenceEventKinds.Nurture, $"the prospect asked for time: resting until the check-in at {checkInAt:yyyy-MM-dd HH:mm} UTC", now);
                return "nurture; " + timing;
            case ReplyCategory.AlreadyAgent:
                return await AnswerObjectionAsync(reply, sequence, category, gateDecision, cancellationToken);
        }

        if (gateDecision.Passed)
        {
            if (gateDecision.IsHot && booking.IsConfigured)
            {
                var intro = $"Great! {messaging.Value.SenderName} here.";
                if (await booking.OfferAsync(sequence, reply, 1, [], intro, cancellationToken))
                {
                    return reply.Action ?? "booking offered";
                }
            }

            await handoff.HandOffAsync(sequence, gateDecision, "qualified", conversation, now, cancellationToken);
            return "qualified; handed off to " + (gateDecision.HandoffTarget ?? "lead_bot");
        }

        if (category is ReplyCategory.Price or ReplyCategory.InfoRequest)
        {
            return await AnswerObjectionAsync(reply, sequence, category, gateDecision, cancellationToken);
        }

        return await AskQualifyingQuestionAsync(reply, sequence, gateDecision, cancellationToken);
    }

    private async Task<string> AnswerObjectionAsync(SdrReply reply, SdrOutreachSequence sequence, ReplyCategory category, GateDecision decision, CancellationToken cancellationToken)
    {
        var name = category.ToName();
        var answer = await answers.WriteAsync(name, reply, sequence, cancellationToken);
        if (answer is null)
        {
            return $"{name}: no answer template";
        }

        if (await answers.AlreadySentAsync(reply, answer.Text, cancellationToken))
        {
            // The same canned text twice reads like a bot: ask what is still missing instead.
            return await AskQualifyingQuestionAsync(reply, sequence, decision, cancellationToken);
        }

        var refused = await answers.QueueAsync(MessagePurpose.Answer, reply, sequence, answer.Text, "answer", cancellationToken);
        LogObjection(reply, sequence, category, refused is null ? answer.Text : null, refused is null ? answer.Source : "not sent: " + refused, time.GetUtcNow().UtcDateTime);
        return refused is null ? $"answered {name} ({answer.Source})" : $"{name}: not answered ({refused})";
    }

    private async Task<string> AskQualifyingQuestionAsync(SdrReply reply, SdrOutreachSequence sequence, GateDecision decision, CancellationToken cancellationToken)
    {
        var gap = decision.NextQuestionGap;
        var question = gate.QualifyingQuestion(decision, decision.LeadType);
        var gapName = gap?.ToString() ?? "none";
        var asked = await db.SequenceEvents.AnyAsync(e => e.SequenceId == sequence.Id && e.Kind == SequenceEventKinds.QuestionAsked && e.Detail.StartsWith(gapName + ":"), cancellationToken);
        if (question is null || asked)
        {
            // Nothing new to ask: a plain, friendly answer (the same question twice reads like a bot).
            var answer = await answers.WriteAsync(ReplyCategory.Engagement.ToName(), reply, sequence, cancellationToken);
            if (answer is null)
            {
                return "engagement: nothing to ask";
            }

            var refusedAnswer = await answers.QueueAsync(MessagePurpose.Answer, reply, sequence, answer.Text, "answer", cancellationToken);
            return refusedAnswer is null ? $"answered engagement ({answer.Source})" : $"engagement: not answered ({refusedAnswer})";
        }

        var text = answers.Fill(question, sequence.Prospect);
        var sender = messaging.Value.SenderName;
        if (!text.Contains(sender, StringComparison.OrdinalIgnoreCase) && text.Length + sender.Length + 3 <= 160)
        {
            text += " - " + sender;
        }

        var refused = await answers.QueueAsync(MessagePurpose.QualifyingQuestion, reply, sequence, text, "question", cancellationToken);
        if (refused is not null)
        {
            return $"qualifying question not sent ({refused})";
        }

        var now = time.GetUtcNow().UtcDateTime;
        events.Add(sequence, SequenceEventKinds.QuestionAsked, $"{gapName}: not qualified yet ({decision.DisqualifyReason ?? "gate not passed"}); asked about {gapName}", now);
        return "qualifying question asked (" + gapName + ")";
    }

    /// <summary>The QualificationGate over the whole conversation; the scores and their signals stored on the prospect.</summary>
    private GateDecision Evaluate(SdrOutreachSequence sequence, IReadOnlyList<ConversationTurn> conversation, DateTime now)
    {
        var prospect = sequence.Prospect;
        var decision = gate.Evaluate(conversation, new ProspectContext(prospect?.LeadType, prospect?.Source, []));
        if (prospect is not null)
        {
            prospect.FrsScore = Math.Round(decision.FrsScore, 1);
            prospect.PcsScore = Math.Round(decision.PcsScore, 1);
            prospect.IntentConfidence = Math.Round(decision.Confidence, 3);
            prospect.LeadType = decision.LeadType;
            prospect.EvaluatedAt = now;
            prospect.QualificationSignals = JsonSerializer.Serialize(decision.IntentProfile.Signals, SignalJson);
        }

        events.Add(sequence, SequenceEventKinds.Evaluated, string.Create(
            CultureInfo.InvariantCulture,
            $"FRS {decision.FrsScore:0}, PCS {decision.PcsScore:0}, confidence {decision.Confidence:0.00}, {decision.LeadType}: {(decision.Passed ? decision.IsHot ? "passed (HOT)" : "passed" : "not passed (" + decision.DisqualifyReason + ")")}; signals: {(decision.IntentProfile.Signals.Any(s => !s.Negated) ? string.Join(", ", decision.IntentProfile.Signals.Where(s => !s.Negated).Select(s => s.Name)) : "none")}"), now);
        return decision;
    }

    private static bool HasNearTimeline(GateDecision decision) =>
        decision.IntentProfile.Signals.Any(s => s.Name == NearTimelineSignal && !s.Negated && s.Weight >= NearTimelineMinWeight);

    private SdrObjectionLog LogObjection(SdrReply reply, SdrOutreachSequence sequence, ReplyCategory category, string? rebuttal, string source, DateTime now)
    {
        var log = new SdrObjectionLog
        {
            ContactId = reply.ContactId,
            LocationId = reply.LocationId,
            SequenceId = sequence.Id,
            ReplyId = reply.Id,
            ObjectionType = category.ToName(),
            AbVariant = sequence.AbVariant,
            RawMessage = reply.Body,
            RebuttalUsed = rebuttal,
            RebuttalSource = source.Length <= 100 ? source : source[..100],
            CreatedAt = now,
        };
        db.ObjectionLogs.Add(log);
        return log;
    }

    private async Task FinishAsync(SdrReply reply, string action, CancellationToken cancellationToken)
    {
        reply.Action = action.Length <= 200 ? action : action[..200];
        reply.HandledAt = time.GetUtcNow().UtcDateTime;
        await store.SaveAsync(cancellationToken);
    }
}
