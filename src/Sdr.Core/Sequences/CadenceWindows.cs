using Microsoft.Extensions.Options;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Hours;
using Sdr.Core.Data.Entities;
using Sdr.Core.Experiments;

namespace Sdr.Core.Sequences;

/// <summary>
/// When each step is due: windows are measured from enrolment (cumulative), plus any shift
/// caused by an earlier touch that could not go out inside its window. A sequence assigned by an A/B test
/// takes its variant's windows where the variant sets them (<c>step_timing</c>), the cadence's elsewhere.
/// </summary>
public sealed class CadenceWindows(
    IOptions<SequenceOptions> options,
    QuietHoursPolicy quietHours,
    ExperimentCatalog experiments,
    SendTimeChooser sendTimes,
    ReplyRateModels replyRates)
{
    private readonly SequenceOptions _options = options.Value;

    /// <summary>The earliest moment <paramref name="step"/> may go out for this sequence.</summary>
    public DateTime WindowStart(SdrOutreachSequence sequence, SequenceStep step) =>
        sequence.EnrolledAt
            .AddMinutes(sequence.ScheduleShiftMinutes)
            .AddHours(HoursOf(sequence, step).MinHours);

    public DateTime WindowEnd(SdrOutreachSequence sequence, SequenceStep step) =>
        sequence.EnrolledAt
            .AddMinutes(sequence.ScheduleShiftMinutes)
            .AddHours(HoursOf(sequence, step).MaxHours);

    /// <summary>The step's window in hours from enrolment: the sequence's A/B variant's, else the cadence's.</summary>
    private StepHours HoursOf(SdrOutreachSequence sequence, SequenceStep step) =>
        experiments.StepHoursFor(sequence.AbTestId, sequence.AbVariant, step)
            ?? new StepHours(_options.WindowFor(step).MinHours, _options.WindowFor(step).MaxHours);

    /// <summary>
    /// Records that <paramref name="step"/> happened at <paramref name="at"/>: when that was after its
    /// window, later steps move by the delay so their spacing is kept.
    /// </summary>
    public void RecordStepTaken(SdrOutreachSequence sequence, SequenceStep step, DateTime at)
    {
        var windowEnd = WindowEnd(sequence, step);
        if (at > windowEnd)
        {
            sequence.ShiftSchedule((at - windowEnd).TotalMinutes);
        }
    }

    /// <summary>The nurture check-in may go this long after the pause ends, at the moment the location's data favours.</summary>
    internal static readonly TimeSpan CheckInWindow = TimeSpan.FromDays(1);

    /// <summary>When the step after <paramref name="step"/> is due, or null when the cadence is over.</summary>
    public DateTime? ComputeNextTouchTime(SdrOutreachSequence sequence, RecipientInfo recipient, SequenceStep step, DateTime now) =>
        ScheduleNextTouch(sequence, recipient, step, now)?.At;

    /// <summary>
    /// The seed's <c>compute_next_touch_time</c>: when the step after <paramref name="step"/> goes (null when the
    /// cadence is over) and why. The window start, moved to a moment the recipient may be contacted, unless the
    /// location's own reply rates favour another allowed moment of the step's window (<see cref="SendTimeChooser"/>).
    /// SMS_1 is timed by enrolment and always goes at its window start.
    /// </summary>
    public SendTimeChoice? ScheduleNextTouch(SdrOutreachSequence sequence, RecipientInfo recipient, SequenceStep step, DateTime now)
    {
        DateTime due, windowEnd;
        SequenceStep target;
        if (step == SequenceStep.NurturePause)
        {
            due = now.AddDays(_options.WindowFor(SequenceStep.NurturePause).PauseDays);
            windowEnd = due + CheckInWindow;
            target = SequenceStep.NurturePause;
        }
        else if (step.NextCadenceStep() is { } next)
        {
            var start = WindowStart(sequence, next);
            due = start < now ? now : start;
            windowEnd = WindowEnd(sequence, next);
            target = next;
        }
        else
        {
            return null;
        }

        // Pick a moment the recipient may be contacted, so the touch is not due only to be deferred.
        var at = quietHours.NextAllowedUtc(due, recipient) ?? due;
        // SMS_1 is timed by enrolment; reaching NURTURE_PAUSE sends nothing (its check-in is timed when it begins).
        var sendsNothing = target == SequenceStep.NurturePause && step != SequenceStep.NurturePause;
        if (target is SequenceStep.Sms1 or SequenceStep.Enrolled || sendsNothing || at >= windowEnd)
        {
            return SendTimeChoice.Default(at);
        }

        var channel = ChannelOf(target);
        return sendTimes.Choose(replyRates.Get(sequence.LocationId)?.For(channel.ToName()), channel, recipient, at, windowEnd);
    }

    /// <summary>The touch's recipient, its phone facts read from the prospect row rather than parsed.</summary>
    public static RecipientInfo Recipient(SdrOutreachSequence sequence) =>
        sequence.Prospect is { } prospect ? RecipientInfo.For(prospect) : RecipientInfo.Unknown;

    public TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromMinutes(_options.RetryBaseDelayMinutes * Math.Pow(2, Math.Max(0, attempt - 1)));

    public int MaxDispatchAttempts => _options.MaxDispatchAttempts;

    public Channel ChannelOf(SequenceStep step) =>
        step == SequenceStep.NurturePause ? Channel.Sms : _options.WindowFor(step).ParsedChannel;
}
