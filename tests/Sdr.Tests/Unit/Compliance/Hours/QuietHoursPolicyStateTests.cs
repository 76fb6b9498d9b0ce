using Sdr.Core.Compliance.Hours;
using static Sdr.Tests.Unit.Compliance.Hours.HoursTestData;

namespace Sdr.Tests.Unit.Compliance.Hours;

/// <summary>State windows on top of the federal one: FL ends at 20:00; TX starts at 09:00 Mon-Sat and 12:00 on Sunday.</summary>
public sealed class QuietHoursPolicyStateTests
{
    [Fact]
    public void Florida_LastMinuteIs1959_And2000IsDeferredToNext0800()
    {
        var policy = Policy();
        var miami = Recipient("America/New_York", "FL");

        policy.NextAllowedUtc(Utc("2026-07-06T23:59:00"), miami).ShouldBeNull();
        policy.NextAllowedUtc(Utc("2026-07-07T00:00:00"), miami).ShouldBe(Utc("2026-07-07T12:00:00"));
        policy.NextAllowedUtc(Utc("2026-07-07T00:00:00"), Recipient("America/New_York", "GA")).ShouldBeNull();
    }

    [Fact]
    public void Florida_StateOnly_AllowsTheOverlapOfItsTwoZones_0800CentralTo2000Eastern()
    {
        var policy = Policy();
        var florida = Recipient(state: "FL");

        policy.NextAllowedUtc(Utc("2026-07-06T12:30:00"), florida).ShouldBe(Utc("2026-07-06T13:00:00"));
        policy.NextAllowedUtc(Utc("2026-07-06T23:59:00"), florida).ShouldBeNull();
        policy.NextAllowedUtc(Utc("2026-07-07T00:00:00"), florida).ShouldBe(Utc("2026-07-07T13:00:00"));
    }

    [Fact]
    public void Texas_OnSunday_OpensAt1200()
    {
        var policy = Policy();
        var dallas = Recipient("America/Chicago", "TX");

        policy.NextAllowedUtc(Utc("2026-07-05T14:30:00"), dallas).ShouldBe(Utc("2026-07-05T17:00:00"));
        policy.NextAllowedUtc(Utc("2026-07-05T16:59:00"), dallas).ShouldBe(Utc("2026-07-05T17:00:00"));
        policy.NextAllowedUtc(Utc("2026-07-05T17:00:00"), dallas).ShouldBeNull();
    }

    [Fact]
    public void Texas_OnSaturday_OpensAt0900_AndSaturdayNightWaitsForSundayNoon()
    {
        var policy = Policy();
        var dallas = Recipient("America/Chicago", "TX");

        policy.NextAllowedUtc(Utc("2026-07-04T13:30:00"), dallas).ShouldBe(Utc("2026-07-04T14:00:00"));
        policy.NextAllowedUtc(Utc("2026-07-04T14:00:00"), dallas).ShouldBeNull();
        policy.NextAllowedUtc(Utc("2026-07-05T02:00:00"), dallas).ShouldBe(Utc("2026-07-05T17:00:00"));
    }

    [Fact]
    public void Texas_StateOnly_CoversElPasoOnMountainTime()
    {
        Policy().NextAllowedUtc(Utc("2026-07-05T17:30:00"), Recipient(state: "Texas")).ShouldBe(Utc("2026-07-05T18:00:00"));
    }

    [Fact]
    public void PhoneAreaCodeState_AppliesToo_BecauseFloridaPresumesItsAreaCodesAreResidents()
    {
        var policy = Policy();

        policy.NextAllowedUtc(Utc("2026-07-07T00:30:00"), Recipient("America/New_York", "NY", "+13055550123")).ShouldBe(Utc("2026-07-07T12:00:00"));
        policy.NextAllowedUtc(Utc("2026-07-07T00:30:00"), Recipient("America/New_York", "NY", "+12125550123")).ShouldBeNull();
    }

    [Fact]
    public void ElPasoPhoneOnly_IsMountainTime_UnderTexasSundayRule()
    {
        Policy().NextAllowedUtc(Utc("2026-07-05T17:30:00"), Recipient(phone: "+19155550123")).ShouldBe(Utc("2026-07-05T18:00:00"));
    }

    [Fact]
    public void SundayBanAndHoliday_SkipToTheFirstOpenDay()
    {
        var options = FederalOnly();
        options.States["AL"] = new StateHoursOptions { Start = "08:00", End = "20:00", NoMessagesOn = ["sunday"], Holidays = ["labor_day"] };

        // Saturday 5 September 2026 20:00 CDT; Sunday banned, Monday 7th is Labor Day.
        Policy(options).NextAllowedUtc(Utc("2026-09-06T01:00:00"), Recipient("America/Chicago", "AL")).ShouldBe(Utc("2026-09-08T13:00:00"));
    }

    [Fact]
    public void AnnualHolidayOnSaturday_BlocksTheObservedFridayToo()
    {
        var options = FederalOnly();
        options.States["RI"] = new StateHoursOptions { Holidays = ["07-04"] };

        // 4 July 2026 is a Saturday: Friday the 3rd and Saturday the 4th are both closed.
        Policy(options).NextAllowedUtc(Utc("2026-07-03T14:00:00"), Recipient("America/New_York", "RI")).ShouldBe(Utc("2026-07-05T12:00:00"));
    }
}
