using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Sdr.Core.Compliance;
using Sdr.Core.Data.Entities;
using Sdr.Core.Experiments;
using Sdr.Core.Sequences;
using Sdr.Tests.Unit.Compliance.Hours;

namespace Sdr.Tests.Unit.Sequences;

/// <summary><c>compute_next_touch_time</c> as the cadence calls it: the step's window (an A/B variant's where it sets one), then the send time.</summary>
public sealed class CadenceWindowsSendTimeTests
{
    private const string Location = "loc-1";
    private const long AbTestId = 7;

    // Monday 2 March 2026, 14:30 in Chicago.
    private static readonly DateTime EnrolledAt = HoursTestData.Utc("2026-03-02T20:30:00");
    private static readonly RecipientInfo Chicago = new("America/Chicago", "IL", null);

    private readonly ExperimentCatalog _experiments = new(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>());
    private readonly ReplyRateModels _models;
    private readonly CadenceWindows _windows;

    public CadenceWindowsSendTimeTests()
    {
        var options = Options.Create(Cadence());
        _models = new ReplyRateModels(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), new FakeTimeProvider(EnrolledAt), options, Microsoft.Extensions.Logging.Abstractions.NullLogger<ReplyRateModels>.Instance);
        _windows = new CadenceWindows(options, HoursTestData.Policy(), _experiments, new SendTimeChooser(options, HoursTestData.Policy()), _models);
        var test = new SdrAbTest { Id = AbTestId, Name = "slow sms_2" };
        test.Variants.Add(new SdrAbTestVariant { Name = "slow", StepTiming = """{"sms_2": {"min_hours": 90, "max_hours": 100}}""" });
        _experiments.Remember(test);

        // The location's texts draw replies at 10:00-11:00 local on weekdays.
        var sms = new ChannelReplyCounts();
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
        {
            for (var hour = 6; hour < 20; hour++)
            {
                sms.Add(day, hour, 30, hour == 10 ? 6 : 1);
            }
        }

        _models.Remember(new ReplyRateModel(Location, EnrolledAt, new Dictionary<string, ChannelReplyCounts> { ["sms"] = sms }));
    }

    [Fact]
    public void ScheduleNextTouch_Sms2_GoesAtTheLocationsBestHourInsideItsWindow()
    {
        var sequence = Sequence(SequenceStep.Email1);

        var choice = _windows.ScheduleNextTouch(sequence, Chicago, SequenceStep.Email1, EnrolledAt.AddHours(21))!;

        // SMS_2's window: Thursday 02:30 to Thursday 22:30 in Chicago; texts from 08:00; best at 10:00.
        choice.At.ShouldBe(HoursTestData.Utc("2026-03-05T16:00:00"));
        choice.Moved.ShouldBeTrue();
    }

    [Fact]
    public void ScheduleNextTouch_AbVariantStepTiming_IsStillTheWindow()
    {
        var sequence = Sequence(SequenceStep.Email1, variant: "slow");

        var choice = _windows.ScheduleNextTouch(sequence, Chicago, SequenceStep.Email1, EnrolledAt.AddHours(21))!;

        // The variant's SMS_2 window: 90 to 100 h, Friday 08:30 to 18:30 in Chicago: best at Friday 10:00.
        choice.At.ShouldBe(HoursTestData.Utc("2026-03-06T16:00:00"));
        choice.At.ShouldBeInRange(_windows.WindowStart(sequence, SequenceStep.Sms2), _windows.WindowEnd(sequence, SequenceStep.Sms2));
        _windows.WindowStart(sequence, SequenceStep.Sms2).ShouldBe(EnrolledAt.AddHours(90));
    }

    [Fact]
    public void ScheduleNextTouch_Email1_HasNoEmailData_KeepsItsWindowStart()
    {
        var sequence = Sequence(SequenceStep.Sms1);

        var choice = _windows.ScheduleNextTouch(sequence, Chicago, SequenceStep.Sms1, EnrolledAt.AddMinutes(1))!;

        choice.ShouldBe(SendTimeChoice.Default(EnrolledAt.AddHours(20)));
    }

    [Fact]
    public void ScheduleNextTouch_Sms1_IsLeftToEnrolment()
    {
        var sequence = Sequence(SequenceStep.Enrolled);

        var choice = _windows.ScheduleNextTouch(sequence, Chicago, SequenceStep.Enrolled, EnrolledAt)!;

        choice.ShouldBe(SendTimeChoice.Default(EnrolledAt));
    }

    [Fact]
    public void ScheduleNextTouch_NurtureCheckIn_GoesAtTheBestHourOfTheDayAfterThePause()
    {
        var sequence = Sequence(SequenceStep.NurturePause);
        var now = HoursTestData.Utc("2026-03-23T13:00:00"); // Monday 08:00 in Chicago (CDT); the check-in is due 90 days on

        var choice = _windows.ScheduleNextTouch(sequence, Chicago, SequenceStep.NurturePause, now)!;

        var due = now.AddDays(90);
        choice.At.ShouldBeInRange(due, due + CadenceWindows.CheckInWindow);
        TimeZoneInfo.ConvertTimeFromUtc(choice.At, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).Hour.ShouldBe(10);
    }

    [Fact]
    public void ComputeNextTouchTime_IsTheChoicesMoment()
    {
        var sequence = Sequence(SequenceStep.Email1);
        var now = EnrolledAt.AddHours(21);

        _windows.ComputeNextTouchTime(sequence, Chicago, SequenceStep.Email1, now)
            .ShouldBe(_windows.ScheduleNextTouch(sequence, Chicago, SequenceStep.Email1, now)!.At);
    }

    private static SdrOutreachSequence Sequence(SequenceStep current, string variant = "consultative") => new()
    {
        ContactId = "c-1",
        LocationId = Location,
        CurrentStep = current,
        AbVariant = variant,
        AbTestId = variant == "consultative" ? null : AbTestId,
        EnrolledAt = EnrolledAt,
        UpdatedAt = EnrolledAt,
        IsActive = true,
    };

    private static SequenceOptions Cadence() => new()
    {
        Steps =
        {
            ["sms_1"] = new StepWindowOptions { Channel = "sms", MinHours = 0, MaxHours = 2 },
            ["email_1"] = new StepWindowOptions { Channel = "email", MinHours = 20, MaxHours = 28 },
            ["sms_2"] = new StepWindowOptions { Channel = "sms", MinHours = 60, MaxHours = 80 },
            ["voicemail_1"] = new StepWindowOptions { Channel = "voicemail", MinHours = 110, MaxHours = 130 },
            ["email_2"] = new StepWindowOptions { Channel = "email", MinHours = 160, MaxHours = 180 },
            ["sms_3"] = new StepWindowOptions { Channel = "sms", MinHours = 230, MaxHours = 260 },
            ["voicemail_2"] = new StepWindowOptions { Channel = "voicemail", MinHours = 325, MaxHours = 340 },
            ["nurture_pause"] = new StepWindowOptions { MinHours = 480, MaxHours = 520, PauseDays = 90 },
        },
    };
}
