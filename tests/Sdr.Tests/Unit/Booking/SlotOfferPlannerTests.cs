using Sdr.Core.Booking;
using static Sdr.Tests.Unit.Booking.BookingTestData;

namespace Sdr.Tests.Unit.Booking;

public sealed class SlotOfferPlannerTests
{
    private static readonly DateTimeOffset[] None = [];

    [Fact]
    public void Choose_NoFreeSlots_OffersNothing()
    {
        Planner().Choose([], Eastern, Utc("2026-12-07T15:00:00"), None).ShouldBeEmpty();
    }

    [Fact]
    public void Choose_OnlySlotsOutsideLocalHours_OffersNothing()
    {
        var slots = new[] { Local("2026-12-08 07:00", Eastern), Local("2026-12-08 17:45", Eastern), Local("2026-12-08 20:00", Eastern) };

        Planner().Choose(slots, Eastern, Utc("2026-12-07T15:00:00"), None).ShouldBeEmpty();
    }

    [Fact]
    public void Choose_SlotsInsideMinimumNotice_AreNotOffered()
    {
        var now = Local("2026-12-07 13:00", Eastern);
        var slots = new[] { Local("2026-12-07 13:30", Eastern), Local("2026-12-07 14:30", Eastern), Local("2026-12-07 15:00", Eastern), Local("2026-12-08 09:00", Eastern) };

        var chosen = Planner().Choose(slots, Eastern, now, None);

        chosen.ShouldBe([Local("2026-12-07 15:00", Eastern), Local("2026-12-08 09:00", Eastern)]);
    }

    [Theory]
    [MemberData(nameof(UsZones), MemberType = typeof(BookingTestData))]
    public void Choose_AroundTheClockCalendar_OffersThreeDaysInsideTheProspectsHours(string zoneId, string label)
    {
        var zone = Zone(zoneId);
        var now = Utc("2026-12-07T03:00:00");

        var chosen = Planner().Choose(AroundTheClock(Utc("2026-12-07T00:00:00"), 5), zone, now, None);

        chosen.Count.ShouldBe(3, label);
        var local = chosen.Select(s => TimeZoneInfo.ConvertTime(s, zone)).ToList();
        local.ShouldAllBe(t => t.Hour >= 9 && t.AddMinutes(30).TimeOfDay <= TimeSpan.FromHours(18) && t.AddMinutes(30).Day == t.Day);
        local.Select(t => t.Date).Distinct().Count().ShouldBe(3);
        chosen.ShouldBe(chosen.Order().ToList());
        chosen.ShouldAllBe(s => s >= now.AddMinutes(120));
    }

    [Fact]
    public void Choose_SeveralDays_AlternatesMorningAndAfternoon_EarliestFirst()
    {
        var slots = Enumerable.Range(8, 3).SelectMany(day => Enumerable.Range(9, 9).Select(hour => Local($"2026-12-{day:00} {hour:00}:00", Eastern))).ToList();

        var chosen = Planner().Choose(slots, Eastern, Local("2026-12-07 12:00", Eastern), None);

        chosen.ShouldBe([Local("2026-12-08 09:00", Eastern), Local("2026-12-09 12:00", Eastern), Local("2026-12-10 09:00", Eastern)]);
    }

    [Fact]
    public void Choose_OneDayOnly_SpreadsOverTheDay()
    {
        var slots = Enumerable.Range(0, 18).Select(i => Local("2026-12-08 09:00", Eastern).AddMinutes(30 * i)).ToList();

        var chosen = Planner().Choose(slots, Eastern, Local("2026-12-07 12:00", Eastern), None);

        chosen.ShouldBe([Local("2026-12-08 09:00", Eastern), Local("2026-12-08 12:00", Eastern), Local("2026-12-08 14:00", Eastern)]);
    }

    [Fact]
    public void Choose_ExcludedSlots_AreNotOfferedAgain()
    {
        var slots = Enumerable.Range(8, 4).SelectMany(day => new[] { Local($"2026-12-{day:00} 10:00", Eastern), Local($"2026-12-{day:00} 14:00", Eastern) }).ToList();
        var refused = new[] { Local("2026-12-08 10:00", Eastern), Local("2026-12-09 14:00", Eastern), Local("2026-12-10 10:00", Eastern) };

        var chosen = Planner().Choose(slots, Eastern, Local("2026-12-07 12:00", Eastern), refused);

        chosen.ShouldNotContain(s => refused.Contains(s));
        chosen.ShouldBe([Local("2026-12-08 14:00", Eastern), Local("2026-12-09 10:00", Eastern), Local("2026-12-10 14:00", Eastern)]);
    }

    [Fact]
    public void Choose_OfferCountTwo_OffersTwo()
    {
        var chosen = Planner(o => o.OfferCount = 2).Choose(AroundTheClock(Utc("2026-12-07T00:00:00"), 5), Eastern, Utc("2026-12-07T03:00:00"), None);

        chosen.Count.ShouldBe(2);
    }

    [Fact]
    public void Choose_DuplicateAndUnsortedSlots_OfferEachOnce()
    {
        var tuesday = Local("2026-12-08 10:00", Eastern);
        var wednesday = Local("2026-12-09 15:00", Eastern);

        var chosen = Planner().Choose([wednesday, tuesday, wednesday.ToOffset(TimeSpan.FromHours(-5)), tuesday], Eastern, Local("2026-12-07 12:00", Eastern), None);

        chosen.ShouldBe([tuesday, wednesday]);
    }

    [Fact]
    public void Choose_FallBackWeek_ReadsLocalHoursOnEachSideOfTheChange()
    {
        // 2026-11-01 02:00 EDT becomes 01:00 EST: 13:00Z is 09:00 on Friday but 08:00 on Monday.
        string[] utc = ["2026-10-30T12:00:00", "2026-10-30T13:00:00", "2026-11-02T13:00:00", "2026-11-02T14:00:00", "2026-11-02T22:00:00", "2026-10-30T22:00:00"];

        var chosen = Planner().Choose([.. utc.Select(Utc)], Eastern, Utc("2026-10-29T12:00:00"), None);

        chosen.ShouldBe([Utc("2026-10-30T13:00:00"), Utc("2026-11-02T14:00:00"), Utc("2026-11-02T22:00:00")]);
        SlotOfferText.Offer(chosen, Eastern, "", 160).ShouldContain("1) Fri Oct 30, 9:00 AM 2) Mon Nov 2, 9:00 AM 3) Mon Nov 2, 5:00 PM (ET)");
    }

    [Fact]
    public void Choose_SpringForwardWeek_ReadsLocalHoursOnEachSideOfTheChange()
    {
        // 2027-03-14 02:00 EST becomes 03:00 EDT: 14:00Z is 09:00 on Friday and 10:00 on Monday, 13:00Z 08:00 then 09:00.
        string[] utc = ["2027-03-12T13:00:00", "2027-03-12T14:00:00", "2027-03-15T13:00:00", "2027-03-15T22:00:00", "2027-03-12T22:30:00"];

        var chosen = Planner().Choose([.. utc.Select(Utc)], Eastern, Utc("2027-03-11T12:00:00"), None);

        chosen.ShouldBe([Utc("2027-03-12T14:00:00"), Utc("2027-03-12T22:30:00"), Utc("2027-03-15T13:00:00")]);
    }

    [Fact]
    public void Choose_ArizonaKeepsStandardTime_WhileDenverShifts()
    {
        var slot = Utc("2027-03-15T16:00:00"); // 09:00 in Phoenix (MST), 10:00 in Denver (MDT)
        var early = Utc("2027-03-15T15:00:00"); // 08:00 in Phoenix, 09:00 in Denver

        Planner().Choose([early, slot], Zone("America/Phoenix"), Utc("2027-03-14T12:00:00"), None).ShouldBe([slot]);
        Planner().Choose([early, slot], Zone("America/Denver"), Utc("2027-03-14T12:00:00"), None).First().ShouldBe(early);
    }

    [Fact]
    public void Choose_WithinTheSpanAsked_OffersOnlySlotsInIt()
    {
        var slots = Enumerable.Range(8, 5).SelectMany(day => new[] { Local($"2026-12-{day:00} 10:00", Eastern), Local($"2026-12-{day:00} 14:00", Eastern), Local($"2026-12-{day:00} 16:00", Eastern) }).ToList();
        var now = Local("2026-12-08 08:00", Eastern);
        var pick = new SlotPickParser().Parse("how about friday afternoon", [Local("2026-12-08 15:00", Eastern)], Eastern, now);

        var chosen = Planner().Choose(slots, Eastern, now, None, pick.RequestedSpan);

        chosen.ShouldBe([Local("2026-12-11 14:00", Eastern), Local("2026-12-11 16:00", Eastern)]);
    }

    [Fact]
    public void Choose_AnExactTimeAsked_OffersThatSlotWhenFree()
    {
        var slots = new[] { Local("2026-12-11 09:00", Eastern), Local("2026-12-11 09:30", Eastern), Local("2026-12-12 09:00", Eastern) };
        var now = Local("2026-12-08 08:00", Eastern);
        var pick = new SlotPickParser().Parse("friday at 9", [Local("2026-12-08 15:00", Eastern)], Eastern, now);

        Planner().Choose(slots, Eastern, now, None, pick.RequestedSpan).ShouldBe([Local("2026-12-11 09:00", Eastern)]);
    }
}
