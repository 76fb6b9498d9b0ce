using Sdr.Core.Data.Entities;

namespace Sdr.Core.Sequences;

/// <summary>
/// How a sequence follows a touch whose outcome was unknown: it waits at the step before (no
/// due time) while <see cref="TouchReconciler"/> looks the touch up in GHL, and then goes on exactly
/// as it would have after GHL's answer.
/// </summary>
public sealed partial class OutreachSequenceEngine
{
    /// <summary>The step may or may not have gone out: nothing more is sent until the reconciler knows.</summary>
    private static void HoldForReconciliation(SdrOutreachSequence sequence, SequenceStep step)
    {
        sequence.LastError = "outcome of " + step.ToName() + " unknown: being checked against the GHL conversation history, not re-sent";
        sequence.NextTouchAt = null;
    }

    /// <summary>True when <paramref name="sequence"/> is still waiting on <paramref name="step"/> (it has not moved past it).</summary>
    internal static bool IsWaitingOn(SdrOutreachSequence sequence, SequenceStep step)
    {
        if (!sequence.IsActive || !SequenceStepNames.TryParse(sequence.CurrentStep, out var current))
        {
            return false;
        }

        // The nurture check-in is sent while the sequence rests at NURTURE_PAUSE.
        return step == SequenceStep.NurturePause ? current == SequenceStep.NurturePause : current.NextCadenceStep() == step;
    }

    /// <summary>
    /// GHL did take the touch: the sequence moves on as after a confirmed send at <paramref name="sentAt"/>.
    /// (The reconciler loads the sequence with its prospect, the recipient of the next due time.)
    /// </summary>
    internal void ApplyReconciledSent(SdrOutreachSequence sequence, SequenceStep step, DateTime sentAt)
    {
        sequence.LastError = null;
        Advance(sequence, CadenceWindows.Recipient(sequence), step, step == SequenceStep.NurturePause, sentAt);
    }

    /// <summary>GHL surely did not take the touch: the step is due now and goes through the whole pipeline again.</summary>
    internal void ApplyReconciledNotSent(SdrOutreachSequence sequence, SequenceStep step, DateTime now)
    {
        Decide(sequence, step, now, DecisionOutcome.Failed, "reconciled: not in the GHL conversation history, so GHL did not take it; sent again", now);
        sequence.LastError = null;
        sequence.NextTouchAt = now;
    }

    /// <summary>
    /// The outcome stays unknown for good: the touch is flagged for review and never re-sent, and the
    /// sequence moves on to its next step rather than stalling (a person can check GHL meanwhile).
    /// </summary>
    internal void ApplyUnresolved(SdrOutreachSequence sequence, SequenceStep step, DateTime now, string reason)
    {
        Decide(sequence, step, now, DecisionOutcome.Failed, reason);
        sequence.LastError = reason.Length <= 500 ? reason : reason[..500];
        Advance(sequence, CadenceWindows.Recipient(sequence), step, step == SequenceStep.NurturePause, now);
    }

    /// <summary>A decision about a touch whose sequence has already moved on (nothing else changes).</summary>
    internal void RecordReconciliation(SdrOutreachSequence sequence, SequenceStep step, DateTime now, string outcome, string reason) =>
        Decide(sequence, step, now, outcome, reason);
}
