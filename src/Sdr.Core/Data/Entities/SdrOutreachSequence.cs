
namespace Sdr.Core.Data.Entities;

/// <summary>
/// <c>sdr_outreach_sequences</c>: the current step and when the next touch is due.
/// Every change of state is one method below, and services call them rather than set the columns.
/// A sequence runs while <see cref="IsActive"/>; once ended it takes no transition but
/// <see cref="Book"/> from QUALIFIED. A method called in a state that does not allow it throws
/// <see cref="InvalidOperationException"/>: callers load the sequences a transition applies to
/// (the active ones; for a booking, those that <see cref="CanBook"/>), so a refusal is a bug to
/// surface, never an outcome to branch on.
/// </summary>
public sealed class SdrOutreachSequence
{
    public const string CompletedReason = "completed";
    public const string StoppedManuallyReason = "stopped manually";
    public const string BookedReason = "appointment booked";
    public const string QualifiedReason = "qualified";
    private const int EndReasonMaxLength = 200;
    private const int LastErrorMaxLength = 500;

    public long Id { get; set; }
    public long ProspectId { get; set; }
    public required string ContactId { get; set; }
    public required string LocationId { get; set; }

    /// <summary>The last step reached: the touch most recently sent, or the state most recently entered.</summary>
    public required SequenceStep CurrentStep { get; set; }
    public required string AbVariant { get; set; }

    /// <summary>The A/B test that chose <see cref="AbVariant"/>; null when it was asked for or was the default.</summary>
    public long? AbTestId { get; set; }

    /// <summary>When the next touch is due; null while nothing is due (paused, held for reconciliation, ended).</summary>
    public DateTime? NextTouchAt { get; set; }
    public DateTime EnrolledAt { get; set; }

    /// <summary>True while the cadence runs; the database allows one active row per contact and location.</summary>
    public bool IsActive { get; set; }

    public int ReplyCount { get; set; }
    public DateTime? PausedAt { get; private set; }

    /// <summary>Why automated touches are paused (no message text); null while not paused.</summary>
    public string? PauseReason { get; private set; }

    /// <summary>When the cadence picks up again if the prospect stays silent; null while not paused.</summary>
    public DateTime? ResumesAt { get; private set; }
    public DateTime? EndedAt { get; private set; }
    public string? EndReason { get; private set; }

    /// <summary>How far later steps moved because an earlier touch could not be sent inside its window.</summary>
    public double ScheduleShiftMinutes { get; private set; }

    /// <summary>Failed attempts of the pending step; reset when a step is sent.</summary>
    public int DispatchAttempts { get; private set; }
    public string? LastError { get; set; }

    /// <summary>Lease of the batch that is working on this row, so no two workers take it.</summary>
    public Guid? ClaimToken { get; set; }
    public DateTime? ClaimedUntil { get; set; }

    public DateTime UpdatedAt { get; set; }

    public SdrProspect? Prospect { get; set; }
    public List<SdrOutreachTouch> Touches { get; set; } = [];

    public bool IsPaused => PausedAt is not null;

    /// <summary>True while <see cref="Book"/> is allowed: the sequence runs, or it ended as QUALIFIED.</summary>
    public bool CanBook => IsActive || CurrentStep == SequenceStep.Qualified;

    /// <summary>
    /// True when the sequence still waits on <paramref name="step"/> (it has not moved past it): the
    /// next cadence step, or the nurture check-in while it rests at NURTURE_PAUSE.
    /// </summary>
    public bool IsWaitingOn(SequenceStep step) =>
        IsActive && (step == SequenceStep.NurturePause
            ? CurrentStep == SequenceStep.NurturePause
            : CurrentStep.NextCadenceStep() == step);

    /// <summary>
    /// <paramref name="step"/> went out (or was given up on): the sequence rests at it until
    /// <paramref name="nextTouchAt"/>, and completes when there is none. The nurture check-in
    /// (NURTURE_PAUSE while resting at NURTURE_PAUSE) completes the sequence.
    /// </summary>
    public void Advance(SequenceStep step, DateTime? nextTouchAt, DateTime now)
    {
        EnsureRunning(nameof(Advance));
        if (step == SequenceStep.NurturePause ? CurrentStep != SequenceStep.NurturePause : !SequenceStepNames.Cadence.Contains(step))
        {
            throw Refused(nameof(Advance) + " to " + step.ToName());
        }

        DispatchAttempts = 0;
        if (step == SequenceStep.NurturePause || nextTouchAt is null)
        {
            CurrentStep = step;
            End(now, CompletedReason);
            return;
        }

        CurrentStep = step;
        NextTouchAt = nextTouchAt;
        UpdatedAt = now;
    }

    /// <summary>
    /// The cadence's touches are over, or the prospect asked for time: the contact rests until the one check-in
    /// at <paramref name="checkInAt"/> (a conversation's pause ends with it).
    /// </summary>
    public void EnterNurture(DateTime checkInAt, DateTime now)
    {
        EnsureRunning(nameof(EnterNurture));
        PausedAt = null;
        PauseReason = null;
        ResumesAt = null;
        CurrentStep = SequenceStep.NurturePause;
        NextTouchAt = checkInAt;
        DispatchAttempts = 0;
        UpdatedAt = now;
    }

    /// <summary>The pending step waits until <paramref name="until"/> (outside hours, a cap, a retry).</summary>
    public void Defer(DateTime until, DateTime now)
    {
        EnsureRunning(nameof(Defer));
        NextTouchAt = until;
        UpdatedAt = now;
    }

    /// <summary>
    /// The pending step may or may not have gone out: nothing is due until the reconciler knows
    /// (it then calls <see cref="Advance"/> or <see cref="Defer"/>).
    /// </summary>
    public void HoldForReconciliation(SequenceStep step, DateTime now)
    {
        EnsureRunning(nameof(HoldForReconciliation));
        LastError = "outcome of " + step.ToName() + " unknown: being checked against the GHL conversation history, not re-sent";
        NextTouchAt = null;
        UpdatedAt = now;
    }

    /// <summary>
    /// Automated touches stop until <see cref="Resume"/>: a conversation follows the prospect now. The cadence
    /// picks up at <paramref name="resumesAt"/> if they go quiet (null: only by an explicit resume).
    /// </summary>
    public void Pause(DateTime at, string reason, DateTime? resumesAt)
    {
        EnsureRunning(nameof(Pause));
        if (IsPaused)
        {
            throw Refused(nameof(Pause) + " (already paused)");
        }

        PausedAt = at;
        PauseReason = reason.Length <= EndReasonMaxLength ? reason : reason[..EndReasonMaxLength];
        ResumesAt = resumesAt;
        NextTouchAt = null;
        UpdatedAt = at;
    }

    /// <summary>The conversation goes on: the pause lasts until <paramref name="resumesAt"/> now.</summary>
    public void ExtendPause(DateTime? resumesAt, DateTime now)
    {
        EnsureRunning(nameof(ExtendPause));
        if (!IsPaused)
        {
            throw Refused(nameof(ExtendPause) + " (not paused)");
        }

        ResumesAt = resumesAt;
        UpdatedAt = now;
    }

    /// <summary>Automated touches pick up again; the pending step is due at <paramref name="nextTouchAt"/>.</summary>
    public void Resume(DateTime nextTouchAt, DateTime now)
    {
        EnsureRunning(nameof(Resume));
        if (!IsPaused)
        {
            throw Refused(nameof(Resume) + " (not paused)");
        }

        PausedAt = null;
        PauseReason = null;
        ResumesAt = null;
        NextTouchAt = nextTouchAt;
        UpdatedAt = now;
    }

    public void Qualify(DateTime now) => EndAt(nameof(Qualify), SequenceStep.Qualified, now, QualifiedReason);

    public void Disqualify(string reason, DateTime now) => EndAt(nameof(Disqualify), SequenceStep.Disqualified, now, reason);

    /// <summary>An appointment was booked: from a running sequence, or from one that ended as QUALIFIED.</summary>
    public void Book(DateTime now)
    {
        if (CanBook && !IsActive)
        {
            // Already ended (when it qualified): only the step and the reason change.
            CurrentStep = SequenceStep.Booked;
            EndReason = BookedReason;
            UpdatedAt = now;
            return;
        }

        EndAt(nameof(Book), SequenceStep.Booked, now, BookedReason);
    }

    /// <summary>The contact withdrew consent (STOP, DND, a suppression): the sequence ends at OPTED_OUT.</summary>
    public void OptOut(string reason, DateTime now) => EndAt(nameof(OptOut), SequenceStep.OptedOut, now, reason);

    /// <summary>Stopped by request, without opting the contact out; the step stays where it was.</summary>
    public void Stop(DateTime now) => End(now, StoppedManuallyReason);

    /// <summary>The cadence ran its course.</summary>
    public void Complete(DateTime now) => End(now, CompletedReason);

    /// <summary>Ends the cadence at its current step: no next touch, the active slot freed, the reason kept (at most 200 characters).</summary>
    public void End(DateTime now, string reason)
    {
        EnsureRunning(nameof(End));
        IsActive = false;
        NextTouchAt = null;
        PausedAt = null;
        PauseReason = null;
        ResumesAt = null;
        EndedAt = now;
        EndReason = reason.Length <= EndReasonMaxLength ? reason : reason[..EndReasonMaxLength];
        UpdatedAt = now;
    }

    /// <summary>A step happened <paramref name="minutes"/> after its window closed: later steps move by as much, keeping their spacing.</summary>
    public void ShiftSchedule(double minutes) => ScheduleShiftMinutes += minutes;

    /// <summary>Notes why the pending step did not go out (null clears it); at most 500 characters.</summary>
    public void RecordError(string? error) =>
        LastError = error is null || error.Length <= LastErrorMaxLength ? error : error[..LastErrorMaxLength];

    /// <summary>The pending step failed once more; returns how many times it has.</summary>
    public int CountFailedAttempt() => ++DispatchAttempts;

    private void EndAt(string transition, SequenceStep step, DateTime now, string reason)
    {
        EnsureRunning(transition);
        CurrentStep = step;
        End(now, reason);
    }

    private void EnsureRunning(string transition)
    {
        if (!IsActive)
        {
            throw Refused(transition);
        }
    }

    private InvalidOperationException Refused(string transition) =>
        new($"Sequence {Id} of contact {ContactId} cannot {transition}: it is at {CurrentStep.ToName()}{(IsActive ? string.Empty : " and has ended")}.");
}
