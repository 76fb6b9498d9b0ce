using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Hours;
using static Sdr.Tests.Unit.Compliance.Hours.HoursTestData;

namespace Sdr.Tests.Unit.Compliance.Hours;

/// <summary>Which zones the policy works from: contact time zone, else state, else phone, else every US zone.</summary>
public sealed class RecipientResolutionTests
{
    private readonly RecipientTimeZoneResolver _resolver = new();

    [Fact]
    public void ContactTimeZone_WinsOverState()
    {
        _resolver.Resolve(Recipient("Pacific/Honolulu", "NY", "+12125550123")).Select(z => z.Id).ShouldBe(["Pacific/Honolulu"]);

        // 07:30 in Honolulu, 13:30 in New York.
        Policy().NextAllowedUtc(Utc("2026-07-06T17:30:00"), Recipient("Pacific/Honolulu", "NY")).ShouldBe(Utc("2026-07-06T18:00:00"));
    }

    [Fact]
    public void State_WinsOverPhone()
    {
        _resolver.Resolve(Recipient(state: "CA", phone: "+12125550123")).Select(z => z.Id).ShouldBe(["America/Los_Angeles"]);

        // 08:30 in New York, 05:30 in Los Angeles.
        Policy().NextAllowedUtc(Utc("2026-07-06T12:30:00"), Recipient(state: "CA", phone: "+12125550123")).ShouldBe(Utc("2026-07-06T15:00:00"));
    }

    [Fact]
    public void MultiZoneStates_ListEveryZone()
    {
        _resolver.Resolve(Recipient(state: "TX")).Select(z => z.Id).ShouldBe(["America/Chicago", "America/Denver"], ignoreOrder: true);
        _resolver.Resolve(Recipient(state: "az")).Select(z => z.Id).ShouldBe(["America/Phoenix", "America/Denver"], ignoreOrder: true);
        _resolver.Resolve(Recipient(state: "FL")).Select(z => z.Id).ShouldBe(["America/New_York", "America/Chicago"], ignoreOrder: true);
        _resolver.Resolve(Recipient(state: "AK")).Select(z => z.Id).ShouldBe(["America/Anchorage", "America/Adak"], ignoreOrder: true);
    }

    [Fact]
    public void PhoneOnly_808_IsHawaii()
    {
        _resolver.Resolve(Recipient(phone: "+18085550123")).Select(z => z.Id).ShouldBe(["Pacific/Honolulu"]);

        Policy().NextAllowedUtc(Utc("2026-07-06T17:30:00"), Recipient(phone: "+18085550123")).ShouldBe(Utc("2026-07-06T18:00:00"));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("GMT+25")]
    public void InvalidTimeZone_FallsBackToStateThenPhone(string timeZone)
    {
        _resolver.Resolve(Recipient(timeZone, "HI")).Select(z => z.Id).ShouldBe(["Pacific/Honolulu"]);
        _resolver.Resolve(Recipient(timeZone, phone: "+18085550123")).Select(z => z.Id).ShouldBe(["Pacific/Honolulu"]);
        _resolver.Resolve(Recipient(timeZone)).Count.ShouldBeGreaterThan(5);
    }

    [Fact]
    public void TollFreeNumberAndUnknownState_FallBackToEveryUsZone()
    {
        var zones = _resolver.Resolve(Recipient(state: "Atlantis", phone: "+18005550123")).Select(z => z.Id).ToList();

        zones.ShouldContain("Pacific/Honolulu");
        zones.ShouldContain("America/Adak");
        zones.ShouldContain("America/New_York");
        zones.ShouldNotContain("Pacific/Guam");
    }

    [Fact]
    public void States_AreTheContactsAndTheAreaCodes()
    {
        var states = new RecipientStateResolver();

        states.Resolve(Recipient(state: "ny", phone: "+13055550123")).ShouldBe(["NY", "FL"]);
        states.Resolve(Recipient(state: "Florida", phone: "+13055550123")).ShouldBe(["FL"]);
        states.Resolve(Recipient(phone: "+12125550123")).ShouldBe(["NY"]);
        states.Resolve(Recipient(phone: "+18005550123")).ShouldBeEmpty();
        states.Resolve(RecipientInfo.Unknown).ShouldBeEmpty();
    }
}
