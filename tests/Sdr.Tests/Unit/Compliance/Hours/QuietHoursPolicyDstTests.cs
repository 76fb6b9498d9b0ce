using static Sdr.Tests.Unit.Compliance.Hours.HoursTestData;

namespace Sdr.Tests.Unit.Compliance.Hours;

/// <summary>America/New_York around 2026-03-08 (02:00 EST becomes 03:00 EDT) and 2026-11-01 (02:00 EDT becomes 01:00 EST).</summary>
public sealed class QuietHoursPolicyDstTests
{
    private const string NewYork = "America/New_York";

    [Theory]
    [InlineData("2026-03-08T01:59:00")] // 20:59 EST on the 7th
    [InlineData("2026-03-08T12:00:00")] // 08:00 EDT
    [InlineData("2026-03-08T12:30:00")] // 08:30 EDT (07:30 with the old EST offset)
    [InlineData("2026-03-09T00:59:00")] // 20:59 EDT
    public void SpringForward_EdgesOfTheWindowAreAllowed(string now)
    {
        Policy(FederalOnly()).NextAllowedUtc(Utc(now), Recipient(NewYork)).ShouldBeNull();
    }

    [Theory]
    [InlineData("2026-03-08T02:00:00")] // 21:00 EST on the 7th
    [InlineData("2026-03-08T06:59:00")] // 01:59 EST, just before the gap
    [InlineData("2026-03-08T07:00:00")] // 03:00 EDT, just after it
    [InlineData("2026-03-08T11:59:00")] // 07:59 EDT
    public void SpringForward_NightIsDeferredTo0800Edt(string now)
    {
        Policy(FederalOnly()).NextAllowedUtc(Utc(now), Recipient(NewYork)).ShouldBe(Utc("2026-03-08T12:00:00"));
    }

    [Theory]
    [InlineData("2026-11-01T01:00:00")] // 21:00 EDT on 31 October
    [InlineData("2026-11-01T05:30:00")] // 01:30 EDT, the first time
    [InlineData("2026-11-01T06:30:00")] // 01:30 EST, the second time
    [InlineData("2026-11-01T12:00:00")] // 07:00 EST (08:00 with the old EDT offset)
    [InlineData("2026-11-01T12:59:00")] // 07:59 EST
    public void FallBack_NightIsDeferredTo0800Est(string now)
    {
        Policy(FederalOnly()).NextAllowedUtc(Utc(now), Recipient(NewYork)).ShouldBe(Utc("2026-11-01T13:00:00"));
    }

    [Theory]
    [InlineData("2026-11-01T00:59:00")] // 20:59 EDT on 31 October
    [InlineData("2026-11-01T13:00:00")] // 08:00 EST
    [InlineData("2026-11-02T01:59:00")] // 20:59 EST
    public void FallBack_EdgesOfTheWindowAreAllowed(string now)
    {
        Policy(FederalOnly()).NextAllowedUtc(Utc(now), Recipient(NewYork)).ShouldBeNull();
    }

    [Theory]
    [InlineData("2026-03-06T20:00:00")]
    [InlineData("2026-10-30T20:00:00")]
    public void AcrossEitherTransition_EveryMinuteMatchesAMinuteByMinuteScan(string from)
    {
        var policy = Policy(FederalOnly());
        var zone = TimeZoneInfo.FindSystemTimeZoneById(NewYork);
        var start = Utc(from);
        for (var now = start; now < start.AddHours(60); now = now.AddMinutes(7))
        {
            policy.NextAllowedUtc(now, Recipient(NewYork)).ShouldBe(ScanForFirstAllowed(now, zone), $"at {now:O}");
        }
    }

    private static DateTime? ScanForFirstAllowed(DateTime now, TimeZoneInfo zone)
    {
        for (var minute = now; minute < now.AddDays(2); minute = minute.AddMinutes(1))
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(minute, zone);
            if (local.Hour is >= 8 and < 21)
            {
                return minute == now ? null : minute;
            }
        }

        throw new InvalidOperationException("no allowed minute in two days");
    }
}
