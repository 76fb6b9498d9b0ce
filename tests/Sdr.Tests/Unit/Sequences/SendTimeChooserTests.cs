using Microsoft.Extensions.Options;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Hours;
using Sdr.Core.Data.Entities;
using Sdr.Core.Sequences;
using Sdr.Tests.Unit.Compliance.Hours;

namespace Sdr.Tests.Unit.Sequences;

public sealed class SendTimeChooserTests
{
    private static readonly RecipientInfo Chicago = new("America/Chicago", "IL", null);

    // Tuesday 3 March 2026, 08:00 in Chicago (CST, UTC-6): the federal window opens.
    private static readonly DateTime TuesdayEight = HoursTestData.Utc("2026-03-03T14:00:00");

    private readonly QuietHoursPolicy _policy = HoursTestData.Policy();
    private readonly SendTimeChooser _chooser;

    public SendTimeChooserTests() => _chooser = Chooser(new SendTimeOptions());

    [Fact]
    public void Choose_NoData_KeepsTheWindowStart_WithoutExplanation()
    {
        var none = _chooser.Choose(null, Channel.Sms, Chicago, TuesdayEight, TuesdayEight.AddHours(10));
        var empty = _chooser.Choose(new ChannelReplyCounts(), Channel.Sms, Chicago, TuesdayEight, TuesdayEight.AddHours(10));

        none.ShouldBe(new SendTimeChoice(TuesdayEight, false, null));
        empty.ShouldBe(new SendTimeChoice(TuesdayEight, false, null));
    }

    [Fact]
    public void Choose_RepliesClusterAtTenLocalOnWeekdays_PicksTenLocal_AndSaysWhy()
    {
        var choice = _chooser.Choose(ClusteredAt(10), Channel.Sms, Chicago, TuesdayEight, TuesdayEight.AddHours(10));

        choice.At.ShouldBe(HoursTestData.Utc("2026-03-03T16:00:00"));
        choice.Moved.ShouldBeTrue();
        choice.Explanation.ShouldNotBeNull();
        choice.Explanation.ShouldStartWith("Tue 10:00 local: the best reply hour for this location's SMS");
        choice.Explanation.ShouldContain("19 % vs 3.4 %");
        choice.Explanation.ShouldContain("at the window start (Tue 08:00)");
        choice.Explanation.ShouldContain("150 SMS sent at 10:00-11:00 local in the last 90 days, 30 answered");
    }

    [Fact]
    public void Choose_BestHourAfterTheWindow_KeepsTheStart_AndSaysNothingBeatsIt()
    {
        var choice = _chooser.Choose(ClusteredAt(10), Channel.Sms, Chicago, TuesdayEight, TuesdayEight.AddMinutes(90));

        choice.At.ShouldBe(TuesdayEight);
        choice.Moved.ShouldBeFalse();
        choice.Explanation.ShouldNotBeNull();
        choice.Explanation.ShouldStartWith("Tue 08:00 local, the window start:");
    }

    [Fact]
    public void Choose_AWindowThatOnlyFitsItsStart_KeepsTheStart()
    {
        var choice = _chooser.Choose(ClusteredAt(10), Channel.Sms, Chicago, TuesdayEight, TuesdayEight);

        choice.At.ShouldBe(TuesdayEight);
        choice.Moved.ShouldBeFalse();
    }

    [Fact]
    public void Choose_BestHourBeforeTheFederalWindow_IsNeverPicked()
    {
        // Replies cluster at 06:00, when no text may go; the window runs from 20:00 to the next evening.
        var mondayEvening = HoursTestData.Utc("2026-03-03T02:00:00");
        var choice = _chooser.Choose(ClusteredAt(6), Channel.Sms, Chicago, mondayEvening, mondayEvening.AddHours(24));

        choice.At.ShouldBe(mondayEvening);
        choice.Moved.ShouldBeFalse();
    }

    [Fact]
    public void Choose_TexasSunday_NeverBeforeNoon_EvenWhenRepliesClusterAtTen()
    {
        var texas = new RecipientInfo("America/Chicago", "TX", null);
        var counts = ClusteredAt(10, includeWeekend: true);
        // Saturday 7 March 2026, 20:00 in Texas; the window runs to Sunday 20:00.
        var saturdayEight = HoursTestData.Utc("2026-03-08T02:00:00");

        var choice = _chooser.Choose(counts, Channel.Sms, texas, saturdayEight, saturdayEight.AddHours(24));

        // Sunday 10:00 is banned in Texas (texts from noon): the data's best hour is not taken.
        choice.At.ShouldNotBe(HoursTestData.Utc("2026-03-08T15:00:00"));
        (choice.At == saturdayEight || _policy.NextAllowedUtc(choice.At, texas) is null).ShouldBeTrue();
        var local = TimeZoneInfo.ConvertTimeFromUtc(choice.At, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"));
        (local.DayOfWeek == DayOfWeek.Sunday && local.Hour < 12).ShouldBeFalse(local.ToString("O"));
    }

    [Fact]
    public void Choose_ASingleLuckyReply_DoesNotMoveTheTime()
    {
        var counts = new ChannelReplyCounts();
        counts.Add(DayOfWeek.Tuesday, 8, sent: 10, replied: 0);
        counts.Add(DayOfWeek.Tuesday, 10, sent: 1, replied: 1);

        var choice = _chooser.Choose(counts, Channel.Sms, Chicago, TuesdayEight, TuesdayEight.AddHours(10));

        choice.At.ShouldBe(TuesdayEight);
        choice.Moved.ShouldBeFalse();
        choice.Explanation.ShouldNotBeNull();
        choice.Explanation.ShouldContain("not credibly better (1 sent at that hour)");
    }

    [Fact]
    public void Choose_GainBelowMinGain_KeepsTheStart()
    {
        var chooser = Chooser(new SendTimeOptions { MinGain = 10 });

        var choice = chooser.Choose(ClusteredAt(10), Channel.Sms, Chicago, TuesdayEight, TuesdayEight.AddHours(10));

        choice.At.ShouldBe(TuesdayEight);
    }

    [Fact]
    public void Choose_Disabled_KeepsTheStart()
    {
        var chooser = Chooser(new SendTimeOptions { Enabled = false });

        chooser.Choose(ClusteredAt(10), Channel.Sms, Chicago, TuesdayEight, TuesdayEight.AddHours(10)).ShouldBe(SendTimeChoice.Default(TuesdayEight));
    }

    [Fact]
    public void Choose_UnknownLocalTime_KeepsTheStart()
    {
        var choice = _chooser.Choose(ClusteredAt(10), Channel.Sms, RecipientInfo.Unknown, TuesdayEight, TuesdayEight.AddHours(10));

        choice.ShouldBe(SendTimeChoice.Default(TuesdayEight));
    }

    [Fact]
    public void Choose_SameHistory_SameChoice_WhateverTheOrderItWasCounted()
    {
        var forward = ClusteredAt(14);
        var backward = new ChannelReplyCounts();
        foreach (var (day, hour, sent, replied) in Cells(14, includeWeekend: false).Reverse())
        {
            backward.Add(day, hour, sent, replied);
        }

        var first = _chooser.Choose(forward, Channel.Email, Chicago, TuesdayEight, TuesdayEight.AddHours(12));
        var second = _chooser.Choose(backward, Channel.Email, Chicago, TuesdayEight, TuesdayEight.AddHours(12));

        first.ShouldBe(second);
        first.At.ShouldBe(HoursTestData.Utc("2026-03-03T20:00:00"));
    }

    [Fact]
    public void Choose_EqualBestHours_TakesTheEarliest()
    {
        var tied = new ChannelReplyCounts();
        foreach (var (day, hour, sent, _) in Cells(10, includeWeekend: false))
        {
            tied.Add(day, hour, sent, hour is 10 or 13 ? 6 : 1);
        }

        var choice = _chooser.Choose(tied, Channel.Sms, Chicago, TuesdayEight, TuesdayEight.AddHours(10));

        choice.At.ShouldBe(HoursTestData.Utc("2026-03-03T16:00:00"));
    }

    [Fact]
    public void Choose_AnyWindowAndRecipient_StaysInsideTheWindowAndTheAllowedHours()
    {
        // A fixed-seed sweep: the choice is deterministic, the cases are many.
        var random = new Random(17);
        string?[] zones = ["America/Chicago", "America/New_York", "America/Denver", "America/Los_Angeles", "America/Phoenix", null];
        string?[] states = ["TX", "FL", "IL", "CA", "OK", null];
        for (var i = 0; i < 400; i++)
        {
            var recipient = new RecipientInfo(zones[random.Next(zones.Length)], states[random.Next(states.Length)], null);
            var counts = new ChannelReplyCounts();
            for (var cell = 0; cell < 60; cell++)
            {
                var sent = random.Next(0, 80);
                counts.Add((DayOfWeek)random.Next(7), random.Next(24), sent, random.Next(0, sent + 1));
            }

            var due = HoursTestData.Utc("2026-03-01T00:00:00").AddMinutes(random.Next(0, 60 * 24 * 60));
            var start = _policy.NextAllowedUtc(due, recipient) ?? due;
            var end = start.AddMinutes(random.Next(0, 60 * 72));

            var choice = _chooser.Choose(counts, Channel.Sms, recipient, start, end);

            choice.At.ShouldBeGreaterThanOrEqualTo(start);
            choice.At.ShouldBeLessThanOrEqualTo(end < start ? start : end);
            if (choice.Moved)
            {
                _policy.NextAllowedUtc(choice.At, recipient).ShouldBeNull($"case {i}: {choice.At:O} for {recipient}");
            }

            _chooser.Choose(counts, Channel.Sms, recipient, start, end).ShouldBe(choice);
        }
    }

    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private SendTimeChooser Chooser(SendTimeOptions sendTime) =>
        new(Options.Create(new SequenceOptions { SendTime = sendTime }), _policy);

    /// <summary>30 touches per weekday and hour from 06:00 to 19:00; 20 % answered at <paramref name="bestHour"/>, about 3 % at the others.</summary>
    private static ChannelReplyCounts ClusteredAt(int bestHour, bool includeWeekend = false)
    {
        var counts = new ChannelReplyCounts();
        foreach (var (day, hour, sent, replied) in Cells(bestHour, includeWeekend))
        {
            counts.Add(day, hour, sent, replied);
        }

        return counts;
    }

    private static IEnumerable<(DayOfWeek Day, int Hour, int Sent, int Replied)> Cells(int bestHour, bool includeWeekend)
    {
        var days = includeWeekend ? Enum.GetValues<DayOfWeek>() : Weekdays;
        foreach (var day in days)
        {
            for (var hour = 6; hour < 20; hour++)
            {
                yield return (day, hour, 30, hour == bestHour ? 6 : 1);
            }
        }
    }
}
