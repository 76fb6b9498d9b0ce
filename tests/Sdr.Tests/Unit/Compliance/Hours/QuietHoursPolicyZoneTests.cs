using static Sdr.Tests.Unit.Compliance.Hours.HoursTestData;

namespace Sdr.Tests.Unit.Compliance.Hours;

/// <summary>The federal 08:00-21:00 window in each US zone, on Monday 2026-07-06 (DST in force where observed).</summary>
public sealed class QuietHoursPolicyZoneTests
{
    [Theory]
    [InlineData("Pacific/Honolulu", "2026-07-06T17:59:00", "2026-07-06T18:00:00")]
    [InlineData("America/Anchorage", "2026-07-06T15:59:00", "2026-07-06T16:00:00")]
    [InlineData("America/Los_Angeles", "2026-07-06T14:59:00", "2026-07-06T15:00:00")]
    [InlineData("America/Phoenix", "2026-07-06T14:59:00", "2026-07-06T15:00:00")]
    [InlineData("America/Denver", "2026-07-06T13:59:00", "2026-07-06T14:00:00")]
    [InlineData("America/Chicago", "2026-07-06T12:59:00", "2026-07-06T13:00:00")]
    [InlineData("America/New_York", "2026-07-06T11:59:00", "2026-07-06T12:00:00")]
    public void OneMinuteBefore0800Local_IsDeferredTo0800Local(string zone, string now, string expected)
    {
        Policy(FederalOnly()).NextAllowedUtc(Utc(now), Recipient(zone)).ShouldBe(Utc(expected));
    }

    [Theory]
    [InlineData("Pacific/Honolulu", "2026-07-07T06:59:00", "2026-07-07T07:00:00", "2026-07-07T18:00:00")]
    [InlineData("America/Anchorage", "2026-07-07T04:59:00", "2026-07-07T05:00:00", "2026-07-07T16:00:00")]
    [InlineData("America/Los_Angeles", "2026-07-07T03:59:00", "2026-07-07T04:00:00", "2026-07-07T15:00:00")]
    [InlineData("America/Phoenix", "2026-07-07T03:59:00", "2026-07-07T04:00:00", "2026-07-07T15:00:00")]
    [InlineData("America/Chicago", "2026-07-07T01:59:00", "2026-07-07T02:00:00", "2026-07-07T13:00:00")]
    [InlineData("America/New_York", "2026-07-07T00:59:00", "2026-07-07T01:00:00", "2026-07-07T12:00:00")]
    public void LastMinuteIs2059Local_And2100IsDeferredToNext0800(string zone, string lastAllowed, string firstClosed, string expected)
    {
        var policy = Policy(FederalOnly());

        policy.NextAllowedUtc(Utc(lastAllowed), Recipient(zone)).ShouldBeNull();
        policy.NextAllowedUtc(Utc(firstClosed), Recipient(zone)).ShouldBe(Utc(expected));
    }

    [Fact]
    public void Arizona_KeepsTheSameUtcWindowAllYear_WhileDenverShiftsAnHour()
    {
        var policy = Policy(FederalOnly());

        policy.NextAllowedUtc(Utc("2026-01-05T14:30:00"), Recipient("America/Phoenix")).ShouldBe(Utc("2026-01-05T15:00:00"));
        policy.NextAllowedUtc(Utc("2026-07-06T14:30:00"), Recipient("America/Phoenix")).ShouldBe(Utc("2026-07-06T15:00:00"));
        policy.NextAllowedUtc(Utc("2026-07-06T14:30:00"), Recipient("America/Denver")).ShouldBeNull();
    }

    [Fact]
    public void MidWindow_IsAllowed_AndSecondsAreKeptOutOfTheDeferral()
    {
        var policy = Policy(FederalOnly());

        policy.NextAllowedUtc(Utc("2026-07-06T16:00:00"), Recipient("America/New_York")).ShouldBeNull();
        policy.NextAllowedUtc(Utc("2026-07-06T11:59:30"), Recipient("America/New_York")).ShouldBe(Utc("2026-07-06T12:00:00"));
        policy.NextAllowedUtc(Utc("2026-07-06T11:00:30"), Recipient("America/New_York")).ShouldBe(Utc("2026-07-06T12:00:00"));
    }
}
