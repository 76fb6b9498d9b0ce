using Sdr.Core.Data.Entities;

namespace Sdr.Core.Sequences;

/// <summary>
/// How a sequence follows a touch whose outcome was unknown: it waits at the step before (no
/// due time, <see cref="SdrOutreachSequence.HoldForReconciliation"/>) while <see cref="TouchReconciler"/>
/// looks the touch up in GHL, and then goes on exactly as it would have after GHL's answer. These three
/// methods are the reconciler's whole way into the cadence; each also copes with a sequence that has
/// moved on meanwhile (the touch is then only recorded).
/// </summary>
public sealed partial class OutreachSequenceEngine
{
    /// <summary>
    /// GHL did take the touch: a sequence still waiting on <paramref name="step"/> moves on as after a
    /// confirmed send at <paramref name="sentAt"/>. Pass the sequence with its prospect loaded (the
    /// recipient of the next due time).
    /// </summary>
    public void ApplyReconciledSent(SdrOutreachSequence sequence, SequenceStep step, DateTime sentAt)
    {
        if (sequence.IsWaitingOn(step))
        {
            sequence.RecordError(null);
            Advance(sequence, CadenceWindows.Recipient(sequence), step, sentAt);
        }
    }

    /// <summary>GHL surely did not take the touch: the step is due now and goes through the whole pipeline again.</summary>
    public void ApplyReconciledNotSent(SdrOutreachSequence sequence, SequenceStep step, DateTime now)
    {
        if (!sequence.IsWaitingOn(step))
        {
            Decide(sequence, step, now, DecisionOutcome.Failed, "reconciled: GHL did not take it; not re-sent because the sequence has moved on");
            return;
        }

        Decide(sequence, step, now, DecisionOutcome.Failed, "reconciled: not in the GHL conversation history, so GHL did not take it; sent again", now);
        sequence.RecordError(null);
        sequence.Defer(now, now);
    }

    /// <summary>
    /// The outcome stays unknown for good: the touch is flagged for review and never re-sent, and a
    /// sequence still waiting on it moves on to its next step rather than stalling (a person can check GHL meanwhile).
    /// </summary>
    public void ApplyUnresolved(SdrOutreachSequence sequence, SequenceStep step, DateTime now, string reason)
    {
        if (!sequence.IsWaitingOn(step))
        {
            Decide(sequence, step, now, DecisionOutcome.Failed, reason);
            return;
        }

        reason += "; the sequence moves on to the next step";
        Decide(sequence, step, now, DecisionOutcome.Failed, reason);
        sequence.RecordError(reason);
        Advance(sequence, CadenceWindows.Recipient(sequence), step, now);
    }
}
