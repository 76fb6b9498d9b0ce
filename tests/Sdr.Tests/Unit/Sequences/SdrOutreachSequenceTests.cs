using Sdr.Core.Data.Entities;
using Sdr.Core.Sequences;

namespace Sdr.Tests.Unit.Sequences;

/// <summary>Each transition of a sequence, and the ones it refuses (InvalidOperationException).</summary>
public sealed class SdrOutreachSequenceTests
{
    private static readonly DateTime Now = new(2026, 7, 6, 14, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Advance_ToTheNextCadenceStep_RestsThereUntilTheNextTouch_AndResetsTheAttempts()
    {
        var sequence = Running(SequenceStep.Sms1);
        sequence.CountFailedAttempt();

        sequence.Advance(SequenceStep.Email1, Now.AddHours(20), Now);

        sequence.CurrentStep.ShouldBe(SequenceStep.Email1);
        sequence.NextTouchAt.ShouldBe(Now.AddHours(20));
        sequence.DispatchAttempts.ShouldBe(0);
        sequence.IsActive.ShouldBeTrue();
        sequence.UpdatedAt.ShouldBe(Now);
    }

    [Fact]
    public void Advance_WithNoNextTouch_CompletesTheSequenceAtThatStep()
    {
        var sequence = Running(SequenceStep.Sms3);

        sequence.Advance(SequenceStep.Voicemail2, null, Now);

        sequence.CurrentStep.ShouldBe(SequenceStep.Voicemail2);
        ShouldHaveEnded(sequence, SdrOutreachSequence.CompletedReason);
    }

    [Fact]
    public void Advance_TheNurtureCheckIn_CompletesTheSequence()
    {
        var sequence = Running(SequenceStep.NurturePause);

        sequence.Advance(SequenceStep.NurturePause, Now.AddDays(1), Now);

        sequence.CurrentStep.ShouldBe(SequenceStep.NurturePause);
        ShouldHaveEnded(sequence, SdrOutreachSequence.CompletedReason);
    }

    [Fact]
    public void Advance_ToNurturePauseWithoutRestingThere_IsRefused()
    {
        var sequence = Running(SequenceStep.Voicemail2);

        Should.Throw<InvalidOperationException>(() => sequence.Advance(SequenceStep.NurturePause, null, Now));
        sequence.IsActive.ShouldBeTrue();
    }

    [Theory]
    [InlineData(SequenceStep.Enrolled)]
    [InlineData(SequenceStep.Booked)]
    [InlineData(SequenceStep.OptedOut)]
    public void Advance_ToAStepThatIsNoTouch_IsRefused(SequenceStep step)
    {
        var sequence = Running(SequenceStep.Sms1);

        Should.Throw<InvalidOperationException>(() => sequence.Advance(step, Now.AddHours(1), Now));
        sequence.CurrentStep.ShouldBe(SequenceStep.Sms1);
    }

    [Fact]
    public void Advance_AnEndedSequence_IsRefused()
    {
        var sequence = Running(SequenceStep.Sms1);
        sequence.Stop(Now);

        Should.Throw<InvalidOperationException>(() => sequence.Advance(SequenceStep.Email1, Now.AddHours(1), Now))
            .Message.ShouldContain("has ended");
    }

    [Fact]
    public void EnterNurture_RestsAtNurturePauseUntilTheCheckIn()
    {
        var sequence = Running(SequenceStep.Voicemail2);
        sequence.CountFailedAttempt();

        sequence.EnterNurture(Now.AddDays(90), Now);

        sequence.CurrentStep.ShouldBe(SequenceStep.NurturePause);
        sequence.NextTouchAt.ShouldBe(Now.AddDays(90));
        sequence.DispatchAttempts.ShouldBe(0);
        sequence.IsActive.ShouldBeTrue();
    }

    [Fact]
    public void EnterNurture_AnEndedSequence_IsRefused()
    {
        var sequence = Running(SequenceStep.Voicemail2);
        sequence.OptOut("STOP", Now);

        Should.Throw<InvalidOperationException>(() => sequence.EnterNurture(Now.AddDays(90), Now));
        sequence.CurrentStep.ShouldBe(SequenceStep.OptedOut);
    }

    [Fact]
    public void Defer_MovesThePendingStepToTheGivenTime_AtTheSameStep()
    {
        var sequence = Running(SequenceStep.Sms1);

        sequence.Defer(Now.AddHours(3), Now);

        sequence.CurrentStep.ShouldBe(SequenceStep.Sms1);
        sequence.NextTouchAt.ShouldBe(Now.AddHours(3));
        sequence.IsActive.ShouldBeTrue();
    }

    [Fact]
    public void Defer_AnEndedSequence_IsRefused()
    {
        var sequence = Running(SequenceStep.Sms1);
        sequence.Complete(Now);

        Should.Throw<InvalidOperationException>(() => sequence.Defer(Now.AddHours(3), Now));
        sequence.NextTouchAt.ShouldBeNull();
    }

    [Fact]
    public void HoldForReconciliation_LeavesNothingDue_AndSaysWhy()
    {
        var sequence = Running(SequenceStep.Sms1);

        sequence.HoldForReconciliation(SequenceStep.Email1, Now);

        sequence.NextTouchAt.ShouldBeNull();
        sequence.IsActive.ShouldBeTrue();
        sequence.LastError.ShouldNotBeNull().ShouldContain("email_1 unknown");
        sequence.IsWaitingOn(SequenceStep.Email1).ShouldBeTrue();
    }

    [Fact]
    public void Pause_StopsAutomatedTouches_AndResume_PicksThemUpAgain()
    {
        var sequence = Running(SequenceStep.Email1);

        sequence.Pause(Now, "reply", Now.AddHours(48));

        sequence.IsPaused.ShouldBeTrue();
        sequence.PausedAt.ShouldBe(Now);
        sequence.PauseReason.ShouldBe("reply");
        sequence.ResumesAt.ShouldBe(Now.AddHours(48));
        sequence.NextTouchAt.ShouldBeNull();
        sequence.IsActive.ShouldBeTrue();

        sequence.ExtendPause(Now.AddHours(60), Now.AddHours(12));
        sequence.ResumesAt.ShouldBe(Now.AddHours(60));

        sequence.Resume(Now.AddDays(2), Now.AddHours(1));

        sequence.IsPaused.ShouldBeFalse();
        sequence.PauseReason.ShouldBeNull();
        sequence.ResumesAt.ShouldBeNull();
        sequence.NextTouchAt.ShouldBe(Now.AddDays(2));
        sequence.CurrentStep.ShouldBe(SequenceStep.Email1);
    }

    [Fact]
    public void Pause_WhenAlreadyPaused_IsRefused_AndKeepsTheFirstPause()
    {
        var sequence = Running(SequenceStep.Email1);
        sequence.Pause(Now, "reply", Now.AddHours(48));

        Should.Throw<InvalidOperationException>(() => sequence.Pause(Now.AddHours(1), "reply", null));
        sequence.PausedAt.ShouldBe(Now);
    }

    [Fact]
    public void Resume_WhenNotPaused_IsRefused()
    {
        var sequence = Running(SequenceStep.Email1);

        Should.Throw<InvalidOperationException>(() => sequence.Resume(Now.AddDays(2), Now));
        sequence.NextTouchAt.ShouldBe(Now.AddHours(1));
    }

    [Fact]
    public void Pause_AnEndedSequence_IsRefused()
    {
        var sequence = Running(SequenceStep.Email1);
        sequence.Stop(Now);

        Should.Throw<InvalidOperationException>(() => sequence.Pause(Now, "reply", Now.AddHours(48)));
        sequence.IsPaused.ShouldBeFalse();
    }

    [Fact]
    public void Qualify_EndsTheCadenceAtQualified()
    {
        var sequence = Running(SequenceStep.Sms2);

        sequence.Qualify(Now);

        sequence.CurrentStep.ShouldBe(SequenceStep.Qualified);
        ShouldHaveEnded(sequence, SdrOutreachSequence.QualifiedReason);
    }

    [Fact]
    public void Qualify_AnOptedOutSequence_IsRefused()
    {
        var sequence = Running(SequenceStep.Sms2);
        sequence.OptOut("STOP", Now);

        Should.Throw<InvalidOperationException>(() => sequence.Qualify(Now));
        sequence.CurrentStep.ShouldBe(SequenceStep.OptedOut);
    }

    [Fact]
    public void Disqualify_EndsTheCadenceAtDisqualified_WithTheReason()
    {
        var sequence = Running(SequenceStep.Sms2);

        sequence.Disqualify("already has an agent", Now);

        sequence.CurrentStep.ShouldBe(SequenceStep.Disqualified);
        ShouldHaveEnded(sequence, "already has an agent");
    }

    [Fact]
    public void Disqualify_AnEndedSequence_IsRefused()
    {
        var sequence = Running(SequenceStep.Sms2);
        sequence.Qualify(Now);

        Should.Throw<InvalidOperationException>(() => sequence.Disqualify("changed their mind", Now));
        sequence.CurrentStep.ShouldBe(SequenceStep.Qualified);
    }

    [Fact]
    public void Book_ARunningSequence_EndsItAtBooked()
    {
        var sequence = Running(SequenceStep.Email1);

        sequence.Book(Now);

        sequence.CurrentStep.ShouldBe(SequenceStep.Booked);
        ShouldHaveEnded(sequence, SdrOutreachSequence.BookedReason);
    }

    [Fact]
    public void Book_ASequenceThatEndedAsQualified_BecomesBooked_KeepingWhenItEnded()
    {
        var sequence = Running(SequenceStep.Email1);
        sequence.Qualify(Now);

        sequence.Book(Now.AddDays(1));

        sequence.CurrentStep.ShouldBe(SequenceStep.Booked);
        sequence.EndReason.ShouldBe(SdrOutreachSequence.BookedReason);
        sequence.EndedAt.ShouldBe(Now);
        sequence.UpdatedAt.ShouldBe(Now.AddDays(1));
        sequence.IsActive.ShouldBeFalse();
    }

    [Theory]
    [InlineData(SequenceStep.OptedOut)]
    [InlineData(SequenceStep.Disqualified)]
    [InlineData(SequenceStep.Booked)]
    public void Book_ASequenceThatEndedOtherwise_IsRefused(SequenceStep endedAt)
    {
        var sequence = Running(SequenceStep.Email1);
        switch (endedAt)
        {
            case SequenceStep.OptedOut:
                sequence.OptOut("STOP", Now);
                break;
            case SequenceStep.Disqualified:
                sequence.Disqualify("not a seller", Now);
                break;
            default:
                sequence.Book(Now);
                break;
        }

        Should.Throw<InvalidOperationException>(() => sequence.Book(Now.AddDays(1)));
        sequence.CurrentStep.ShouldBe(endedAt);
        sequence.UpdatedAt.ShouldBe(Now);
    }

    [Fact]
    public void Book_AStoppedSequence_IsRefused()
    {
        var sequence = Running(SequenceStep.Email1);
        sequence.Stop(Now);

        Should.Throw<InvalidOperationException>(() => sequence.Book(Now.AddDays(1)));
        sequence.CurrentStep.ShouldBe(SequenceStep.Email1);
    }

    [Fact]
    public void OptOut_EndsTheCadenceAtOptedOut_WithTheReason()
    {
        var sequence = Running(SequenceStep.Sms2);
        sequence.Pause(Now.AddMinutes(-5), "reply", null);

        sequence.OptOut("opted out (STOP reply)", Now);

        sequence.CurrentStep.ShouldBe(SequenceStep.OptedOut);
        sequence.IsPaused.ShouldBeFalse();
        ShouldHaveEnded(sequence, "opted out (STOP reply)");
    }

    [Fact]
    public void OptOut_AnEndedSequence_IsRefused_AndKeepsItsStep()
    {
        var sequence = Running(SequenceStep.Sms2);
        sequence.Book(Now);

        Should.Throw<InvalidOperationException>(() => sequence.OptOut("STOP", Now.AddDays(1)));
        sequence.CurrentStep.ShouldBe(SequenceStep.Booked);
    }

    [Fact]
    public void Stop_EndsTheCadence_WithoutOptingOut_AtTheSameStep()
    {
        var sequence = Running(SequenceStep.Sms2);

        sequence.Stop(Now);

        sequence.CurrentStep.ShouldBe(SequenceStep.Sms2);
        ShouldHaveEnded(sequence, SdrOutreachSequence.StoppedManuallyReason);
    }

    [Fact]
    public void Stop_AnEndedSequence_IsRefused_AndKeepsTheFirstEnd()
    {
        var sequence = Running(SequenceStep.Sms2);
        sequence.Stop(Now);

        Should.Throw<InvalidOperationException>(() => sequence.Stop(Now.AddHours(1)));
        sequence.EndedAt.ShouldBe(Now);
    }

    [Fact]
    public void End_KeepsTheStep_AndAtMost200CharactersOfTheReason()
    {
        var sequence = Running(SequenceStep.Voicemail1);

        sequence.End(Now, "moved to stop stage " + new string('x', 300));

        sequence.CurrentStep.ShouldBe(SequenceStep.Voicemail1);
        sequence.EndReason.ShouldNotBeNull().Length.ShouldBe(200);
        sequence.EndReason.ShouldStartWith("moved to stop stage ");
        sequence.IsActive.ShouldBeFalse();
    }

    [Fact]
    public void Complete_EndsTheCadenceAsCompleted()
    {
        var sequence = Running(SequenceStep.Voicemail1);

        sequence.Complete(Now);

        ShouldHaveEnded(sequence, SdrOutreachSequence.CompletedReason);
    }

    [Fact]
    public void End_AnEndedSequence_IsRefused()
    {
        var sequence = Running(SequenceStep.Voicemail1);
        sequence.Complete(Now);

        Should.Throw<InvalidOperationException>(() => sequence.End(Now.AddHours(1), "again"));
        sequence.EndReason.ShouldBe(SdrOutreachSequence.CompletedReason);
    }

    [Theory]
    [InlineData(SequenceStep.Enrolled, SequenceStep.Sms1, true)]
    [InlineData(SequenceStep.Sms1, SequenceStep.Email1, true)]
    [InlineData(SequenceStep.Email1, SequenceStep.Email1, false)]
    [InlineData(SequenceStep.Sms1, SequenceStep.Sms2, false)]
    [InlineData(SequenceStep.NurturePause, SequenceStep.NurturePause, true)]
    [InlineData(SequenceStep.Voicemail2, SequenceStep.NurturePause, false)]
    public void IsWaitingOn_OnlyTheStepThatFollows(SequenceStep current, SequenceStep step, bool waiting) =>
        Running(current).IsWaitingOn(step).ShouldBe(waiting);

    [Fact]
    public void IsWaitingOn_NothingOnceEnded()
    {
        var sequence = Running(SequenceStep.Sms1);
        sequence.Stop(Now);

        sequence.IsWaitingOn(SequenceStep.Email1).ShouldBeFalse();
    }

    [Fact]
    public void RecordError_KeepsAtMost500Characters_AndNullClearsIt()
    {
        var sequence = Running(SequenceStep.Sms1);

        sequence.RecordError(new string('e', 600));
        sequence.LastError.ShouldNotBeNull().Length.ShouldBe(500);

        sequence.RecordError(null);
        sequence.LastError.ShouldBeNull();
    }

    [Fact]
    public void ShiftSchedule_AddsUpTheDelays()
    {
        var sequence = Running(SequenceStep.Sms1);

        sequence.ShiftSchedule(30);
        sequence.ShiftSchedule(15);

        sequence.ScheduleShiftMinutes.ShouldBe(45);
    }

    private static SdrOutreachSequence Running(SequenceStep step) => new()
    {
        Id = 7,
        ContactId = "contact-1",
        LocationId = "location-1",
        CurrentStep = step,
        AbVariant = "consultative",
        IsActive = true,
        EnrolledAt = Now.AddDays(-3),
        NextTouchAt = Now.AddHours(1),
        UpdatedAt = Now.AddDays(-1),
    };

    private static void ShouldHaveEnded(SdrOutreachSequence sequence, string reason)
    {
        sequence.IsActive.ShouldBeFalse();
        sequence.NextTouchAt.ShouldBeNull();
        sequence.EndedAt.ShouldBe(Now);
        sequence.EndReason.ShouldBe(reason);
        sequence.UpdatedAt.ShouldBe(Now);
    }
}
