using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sdr.Core.Compliance;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Messaging;
using Sdr.Core.Phones;

namespace Sdr.Core.Sequences;

/// <summary>
/// Moves one sequence forward: picks its next step, sends it through the outbound pipeline and
/// records what happened, all in the caller's scope.
/// </summary>
public sealed partial class OutreachSequenceEngine(
    SdrDbContext db,
    OutboundPipeline pipeline,
    PersonalizationEngine personalization,
    OutreachRewriter rewriter,
    CadenceWindows scheduler,
    CadenceStore store,
    ReplyRateModels replyRates,
    TimeProvider time,
    ILogger<OutreachSequenceEngine> logger)
{
    /// <summary>
    /// Processes sequences this worker has claimed with <paramref name="claimToken"/>: plans each one's
    /// next step, sends the touches through the outbound pipeline together (one reservation
    /// transaction, concurrent GHL calls), then records every outcome and releases the claims in one save.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, SequenceProcessResult>> AdvanceSequencesAsync(
        IReadOnlyCollection<long> sequenceIds,
        Guid claimToken,
        CallSlots callSlots,
        CancellationToken cancellationToken)
    {
        // The sequences are tracked (they change); their prospects are read alongside as plain columns.
        var rows = await db.Sequences
            .Where(s => sequenceIds.Contains(s.Id) && s.ClaimToken == claimToken)
            .Select(s => new
            {
                Sequence = s,
                Prospect = new ProspectColumns(
                    s.Prospect!.FirstName,
                    s.Prospect.LeadType,
                    s.Prospect.Source,
                    s.Prospect.TimeZone,
                    s.Prospect.State,
                    s.Prospect.Phone,
                    s.Prospect.PhoneHash,
                    s.Prospect.PhoneState,
                    s.Prospect.PhoneZones,
                    s.Prospect.PhoneDataVersion,
                    s.Prospect.Profile),
            })
            .ToListAsync(cancellationToken);
        var sequences = rows.ConvertAll(row => row.Sequence);
        var results = sequenceIds.ToDictionary(id => id, _ => SequenceProcessResult.Skipped);
        var now = time.GetUtcNow().UtcDateTime;

        // The next touches are timed from each location's reply rates: counted here, not per touch.
        await replyRates.RefreshAsync(sequences.Select(s => s.LocationId), cancellationToken);

        var planned = new List<PlannedTouch>(rows.Count);
        foreach (var (sequence, prospect) in rows.Select(row => (row.Sequence, row.Prospect)))
        {
            if (!sequence.IsActive || sequence.NextTouchAt > now)
            {
                continue;
            }

            try
            {
                if (Plan(sequence, prospect, now) is { } touch)
                {
                    planned.Add(touch);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPlanFailed(logger, exception, sequence.ContactId);
                results[sequence.Id] = PostponeUnpreparable(sequence, now, exception);
            }
        }

        planned = await RewriteAsync(planned, now, cancellationToken);
        try
        {
            var outcomes = await pipeline.SendManyAsync(planned.Select(p => p.Request).ToList(), callSlots, cancellationToken);
            for (var i = 0; i < planned.Count; i++)
            {
                results[planned[i].Request.TouchSequence.Id] = Apply(planned[i], outcomes[i], now);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Keep what GHL already took (and what became unknown) before giving way to the shutdown.
            Release(sequences, now);
            await store.SaveOutcomesAsync(CancellationToken.None);
            throw;
        }

        Release(sequences, now);
        await store.SaveOutcomesAsync(cancellationToken);
        return results;
    }

    private sealed record PlannedTouch(OutboundRequest Request, MessageDraft Draft);

    /// <summary>With the language model on, each planned text rewritten for its prospect (or its template, on a fallback); every use recorded.</summary>
    private async Task<List<PlannedTouch>> RewriteAsync(List<PlannedTouch> planned, DateTime now, CancellationToken cancellationToken)
    {
        if (!rewriter.IsEnabled || planned.Count == 0)
        {
            return planned;
        }

        var outcomes = await rewriter.RewriteAsync(planned.ConvertAll(p => p.Draft), cancellationToken);
        var rewritten = new List<PlannedTouch>(planned.Count);
        for (var i = 0; i < planned.Count; i++)
        {
            var (touch, outcome) = (planned[i], outcomes[i]);
            if (outcome.Call is { } call)
            {
                db.LlmCalls.Add(new SdrLlmCall
                {
                    ContactId = touch.Request.ContactId,
                    LocationId = touch.Request.LocationId,
                    Purpose = OutreachRewriter.Purpose,
                    Model = call.Model.Length <= 100 ? call.Model : call.Model[..100],
                    LatencyMs = (int)Math.Min(int.MaxValue, call.Latency.TotalMilliseconds),
                    Succeeded = call.FallbackReason is null,
                    FallbackReason = call.FallbackReason is null || call.FallbackReason.Length <= 100 ? call.FallbackReason : call.FallbackReason[..100],
                    At = now,
                });
            }

            rewritten.Add(touch with { Request = touch.Request with { Message = outcome.Message } });
        }

        return rewritten;
    }

    /// <summary>Decides the sequence's next move; returns the touch to send, or null when it needs none.</summary>
    private PlannedTouch? Plan(SdrOutreachSequence sequence, ProspectColumns prospect, DateTime now)
    {
        var current = sequence.CurrentStep;
        var isCheckIn = current == SequenceStep.NurturePause;
        var step = isCheckIn ? SequenceStep.NurturePause : current.NextCadenceStep();
        if (step is null || current.IsTerminal())
        {
            sequence.Complete(now);
            return null;
        }

        var recipient = prospect.Recipient;
        if (step == SequenceStep.NurturePause && !isCheckIn)
        {
            EnterNurturePause(sequence, recipient, now);
            return null;
        }

        var channel = scheduler.ChannelOf(step.Value);
        var draft = personalization.Draft(step.Value, channel, sequence.AbVariant, prospect.Facts);
        var message = personalization.Finish(draft);
        return new PlannedTouch(new OutboundRequest(sequence, step.Value, channel, message, now) { Recipient = recipient }, draft);
    }

    private SequenceProcessResult Apply(PlannedTouch planned, DispatchOutcome outcome, DateTime now)
    {
        var (sequence, step, recipient) = (planned.Request.TouchSequence, planned.Request.TouchStep, planned.Request.Recipient);
        switch (outcome.Kind)
        {
            case DispatchResultKind.Sent:
                // The confirmed touch row is the record of a "sent" decision; see SequenceQueries.
                Advance(sequence, recipient, step, now);
                return SequenceProcessResult.Dispatched;
            case DispatchResultKind.AlreadySent:
                Advance(sequence, recipient, step, now);
                return SequenceProcessResult.Skipped;
            case DispatchResultKind.OutcomeUnknown:
                Decide(sequence, step, now, DecisionOutcome.Failed, outcome.Reason);
                sequence.HoldForReconciliation(step, now);
                return SequenceProcessResult.Error;
            case DispatchResultKind.InFlight:
                return SequenceProcessResult.Skipped;
            case DispatchResultKind.Deferred:
                Decide(sequence, step, now, DecisionOutcome.Deferred, outcome.Reason, outcome.Until);
                sequence.Defer(outcome.Until!.Value, now);
                return SequenceProcessResult.Skipped;
            case DispatchResultKind.Blocked when outcome.EndsSequence:
                Decide(sequence, step, now, DecisionOutcome.Blocked, outcome.Reason);
                sequence.OptOut(outcome.Reason, now);
                return SequenceProcessResult.Skipped;
            case DispatchResultKind.Blocked:
                Decide(sequence, step, now, DecisionOutcome.Blocked, outcome.Reason);
                Advance(sequence, recipient, step, now);
                return outcome.Error is null ? SequenceProcessResult.Skipped : SequenceProcessResult.Error;
            default:
                return RetryLater(sequence, recipient, step, now, outcome);
        }
    }

    /// <summary>A touch that cannot even be composed (a configuration gap): retry later, then stop the sequence.</summary>
    private SequenceProcessResult PostponeUnpreparable(SdrOutreachSequence sequence, DateTime now, Exception exception)
    {
        var attempts = sequence.CountFailedAttempt();
        sequence.RecordError("the next touch could not be prepared: " + exception.Message);
        if (attempts >= scheduler.MaxDispatchAttempts)
        {
            sequence.End(now, "stopped: the next touch could not be prepared");
        }
        else
        {
            sequence.Defer(now.Add(scheduler.RetryDelay(attempts)), now);
        }

        return SequenceProcessResult.Error;
    }

    private static void Release(IEnumerable<SdrOutreachSequence> sequences, DateTime now)
    {
        foreach (var sequence in sequences)
        {
            sequence.ClaimToken = null;
            sequence.ClaimedUntil = null;
            sequence.UpdatedAt = now;
        }
    }

    private SequenceProcessResult RetryLater(SdrOutreachSequence sequence, RecipientInfo recipient, SequenceStep step, DateTime now, DispatchOutcome outcome)
    {
        sequence.RecordError(outcome.Reason);
        if (outcome.Error is { IsCircuitOpen: true })
        {
            // The location's breaker is open: wait it out without spending an attempt.
            var until = now.Add(scheduler.RetryDelay(1));
            Decide(sequence, step, now, DecisionOutcome.Deferred, "GHL circuit open for this location", until);
            sequence.Defer(until, now);
            return SequenceProcessResult.Error;
        }

        var attempts = sequence.CountFailedAttempt();
        if (attempts >= scheduler.MaxDispatchAttempts)
        {
            Decide(sequence, step, now, DecisionOutcome.Blocked, $"gave up after {attempts} attempts: {outcome.Reason}");
            LogGaveUp(logger, sequence.ContactId, step.ToName(), attempts);
            Advance(sequence, recipient, step, now);
            return SequenceProcessResult.Error;
        }

        var retryAt = now.Add(scheduler.RetryDelay(attempts));
        Decide(sequence, step, now, DecisionOutcome.Failed, outcome.Reason, retryAt);
        sequence.Defer(retryAt, now);
        return SequenceProcessResult.Error;
    }

    /// <summary>The sequence moves past <paramref name="step"/>; the nurture check-in completes it.</summary>
    private void Advance(SdrOutreachSequence sequence, RecipientInfo recipient, SequenceStep step, DateTime now)
    {
        if (step == SequenceStep.NurturePause)
        {
            sequence.Advance(step, null, now);
            return;
        }

        scheduler.RecordStepTaken(sequence, step, now);
        var next = scheduler.ScheduleNextTouch(sequence, recipient, step, now);
        sequence.Advance(step, next?.At, now);
        ExplainSendTime(sequence, step.NextCadenceStep(), next, now);
    }

    private void EnterNurturePause(SdrOutreachSequence sequence, RecipientInfo recipient, DateTime now)
    {
        scheduler.RecordStepTaken(sequence, SequenceStep.NurturePause, now);
        var checkIn = scheduler.ScheduleNextTouch(sequence, recipient, SequenceStep.NurturePause, now)!;
        sequence.EnterNurture(checkIn.At, now);
        ExplainSendTime(sequence, SequenceStep.NurturePause, checkIn, now);
    }

    /// <summary>The timeline says why the next touch goes when it does, once, as the step is scheduled.</summary>
    private void ExplainSendTime(SdrOutreachSequence sequence, SequenceStep? step, SendTimeChoice? choice, DateTime now)
    {
        if (step is null || choice?.Explanation is not { } explanation)
        {
            return;
        }

        var what = step == SequenceStep.NurturePause ? "the nurture check-in" : step.Value.ToName().ToUpperInvariant();
        db.SequenceEvents.Add(new SdrSequenceEvent
        {
            SequenceId = sequence.Id,
            ContactId = sequence.ContactId,
            At = now,
            Kind = SequenceEventKinds.SendTime,
            Detail = Truncate($"{what} at {explanation}", 500),
        });
    }

    private void Decide(SdrOutreachSequence sequence, SequenceStep step, DateTime now, DecisionOutcome outcome, string reason, DateTime? until = null) =>
        db.DispatchDecisions.Add(new SdrDispatchDecision
        {
            SequenceId = sequence.Id,
            ContactId = sequence.ContactId,
            Step = step,
            At = now,
            Outcome = outcome,
            Reason = reason.Length <= 500 ? reason : reason[..500],
            Until = until,
        });

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not prepare the next touch of contact {ContactId}; it will be retried")]
    private static partial void LogPlanFailed(ILogger logger, Exception exception, string contactId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up on contact {ContactId} step {Step} after {Attempts} attempts; moving to the next step")]
    private static partial void LogGaveUp(ILogger logger, string contactId, string step, int attempts);
}
