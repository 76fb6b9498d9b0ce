using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sdr.Core.Compliance;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Messaging;

namespace Sdr.Core.Sequences;

/// <summary>
/// Moves one sequence forward: picks its next step, sends it through the outbound pipeline and
/// records what happened, all in the caller's scope.
/// </summary>
public sealed partial class OutreachSequenceEngine(
    SdrDbContext db,
    OutboundPipeline pipeline,
    PersonalizationEngine personalization,
    CadenceWindows scheduler,
    TimeProvider time,
    ILogger<OutreachSequenceEngine> logger)
{
    /// <summary>Processes a sequence this worker has claimed with <paramref name="claimToken"/>.</summary>
    public async Task<SequenceProcessResult> AdvanceSequenceAsync(long sequenceId, Guid claimToken, CancellationToken cancellationToken)
    {
        var sequence = await db.Sequences
            .Include(s => s.Prospect)
            .SingleOrDefaultAsync(s => s.Id == sequenceId && s.ClaimToken == claimToken, cancellationToken);
        if (sequence is null)
        {
            return SequenceProcessResult.Skipped;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var result = sequence.IsActive && sequence.NextTouchAt <= now
            ? await DispatchNextAsync(sequence, now, cancellationToken)
            : SequenceProcessResult.Skipped;

        sequence.ClaimToken = null;
        sequence.ClaimedUntil = null;
        sequence.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    private async Task<SequenceProcessResult> DispatchNextAsync(SdrOutreachSequence sequence, DateTime now, CancellationToken cancellationToken)
    {
        var current = SequenceStepNames.Parse(sequence.CurrentStep);
        var isCheckIn = current == SequenceStep.NurturePause;
        var step = isCheckIn ? SequenceStep.NurturePause : current.NextCadenceStep();
        if (step is null || current.IsTerminal())
        {
            End(sequence, now, "completed");
            return SequenceProcessResult.Skipped;
        }

        if (step == SequenceStep.NurturePause && !isCheckIn)
        {
            EnterNurturePause(sequence, now);
            return SequenceProcessResult.Skipped;
        }

        return await DispatchTouchAsync(sequence, step.Value, isCheckIn, now, cancellationToken);
    }

    /// <summary>Sends <paramref name="step"/> through the outbound pipeline and applies the outcome.</summary>
    public async Task<SequenceProcessResult> DispatchTouchAsync(SdrOutreachSequence sequence, SequenceStep step, bool isCheckIn, DateTime now, CancellationToken cancellationToken)
    {
        var channel = scheduler.ChannelOf(step);
        var prospect = sequence.Prospect;
        var facts = new ProspectFacts(prospect?.FirstName, prospect?.LeadType ?? "ambiguous", prospect?.Source ?? "manual");
        var message = personalization.Compose(step, channel, sequence.AbVariant, facts);
        var outcome = await pipeline.SendAsync(new OutboundRequest(sequence, step, channel, message, now), cancellationToken);

        switch (outcome.Kind)
        {
            case DispatchResultKind.Sent:
                Decide(sequence, step, now, DecisionOutcome.Sent, "sent");
                Advance(sequence, step, isCheckIn, now);
                return SequenceProcessResult.Dispatched;
            case DispatchResultKind.AlreadySent:
                Advance(sequence, step, isCheckIn, now);
                return SequenceProcessResult.Skipped;
            case DispatchResultKind.OutcomeUnknown:
                Decide(sequence, step, now, DecisionOutcome.Failed, outcome.Reason);
                sequence.LastError = "outcome of " + step.ToName() + " unknown: flagged for review, not re-sent";
                Advance(sequence, step, isCheckIn, now);
                return SequenceProcessResult.Error;
            case DispatchResultKind.InFlight:
                return SequenceProcessResult.Skipped;
            case DispatchResultKind.Deferred:
                Decide(sequence, step, now, DecisionOutcome.Deferred, outcome.Reason, outcome.Until);
                sequence.NextTouchAt = outcome.Until;
                return SequenceProcessResult.Skipped;
            case DispatchResultKind.Blocked:
                Decide(sequence, step, now, DecisionOutcome.Blocked, outcome.Reason);
                Advance(sequence, step, isCheckIn, now);
                return outcome.Error is null ? SequenceProcessResult.Skipped : SequenceProcessResult.Error;
            default:
                return RetryLater(sequence, step, isCheckIn, now, outcome);
        }
    }

    private SequenceProcessResult RetryLater(SdrOutreachSequence sequence, SequenceStep step, bool isCheckIn, DateTime now, DispatchOutcome outcome)
    {
        sequence.LastError = outcome.Reason.Length <= 500 ? outcome.Reason : outcome.Reason[..500];
        if (outcome.Error is { IsCircuitOpen: true })
        {
            // The location's breaker is open: wait it out without spending an attempt.
            var until = now.Add(scheduler.RetryDelay(1));
            Decide(sequence, step, now, DecisionOutcome.Deferred, "GHL circuit open for this location", until);
            sequence.NextTouchAt = until;
            return SequenceProcessResult.Error;
        }

        sequence.DispatchAttempts++;
        if (sequence.DispatchAttempts >= scheduler.MaxDispatchAttempts)
        {
            Decide(sequence, step, now, DecisionOutcome.Blocked, $"gave up after {sequence.DispatchAttempts} attempts: {outcome.Reason}");
            LogGaveUp(logger, sequence.ContactId, step.ToName(), sequence.DispatchAttempts);
            Advance(sequence, step, isCheckIn, now);
            return SequenceProcessResult.Error;
        }

        var retryAt = now.Add(scheduler.RetryDelay(sequence.DispatchAttempts));
        Decide(sequence, step, now, DecisionOutcome.Failed, outcome.Reason, retryAt);
        sequence.NextTouchAt = retryAt;
        return SequenceProcessResult.Error;
    }

    private void Advance(SdrOutreachSequence sequence, SequenceStep step, bool isCheckIn, DateTime now)
    {
        sequence.DispatchAttempts = 0;
        if (isCheckIn)
        {
            End(sequence, now, "completed");
            return;
        }

        sequence.CurrentStep = step.ToName();
        scheduler.RecordStepTaken(sequence, step, now);
        sequence.NextTouchAt = scheduler.ComputeNextTouchTime(sequence, step, now);
        if (sequence.NextTouchAt is null)
        {
            End(sequence, now, "completed");
        }
    }

    private void EnterNurturePause(SdrOutreachSequence sequence, DateTime now)
    {
        sequence.CurrentStep = SequenceStep.NurturePause.ToName();
        scheduler.RecordStepTaken(sequence, SequenceStep.NurturePause, now);
        sequence.NextTouchAt = scheduler.ComputeNextTouchTime(sequence, SequenceStep.NurturePause, now);
        sequence.DispatchAttempts = 0;
    }

    private static void End(SdrOutreachSequence sequence, DateTime now, string reason)
    {
        sequence.IsActive = false;
        sequence.NextTouchAt = null;
        sequence.EndedAt = now;
        sequence.EndReason = reason;
    }

    private void Decide(SdrOutreachSequence sequence, SequenceStep step, DateTime now, string outcome, string reason, DateTime? until = null) =>
        db.DispatchDecisions.Add(new SdrDispatchDecision
        {
            SequenceId = sequence.Id,
            ContactId = sequence.ContactId,
            Step = step.ToName(),
            At = now,
            Outcome = outcome,
            Reason = reason.Length <= 500 ? reason : reason[..500],
            Until = until,
        });

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up on contact {ContactId} step {Step} after {Attempts} attempts; moving to the next step")]
    private static partial void LogGaveUp(ILogger logger, string contactId, string step, int attempts);
}
