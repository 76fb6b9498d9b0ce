using Sdr.Core.Compliance;
using static Sdr.Tests.Unit.Compliance.Hours.HoursTestData;

namespace Sdr.Tests.Unit.Compliance.Hours;

/// <summary>A recipient we know nothing about may be anywhere from Hawaii to Maine: only the overlap of all US windows is allowed.</summary>
public sealed class QuietHoursPolicyUnknownLocationTests
{
    [Fact]
    public void FederalOnly_Summer_AllowsOnly0800HawaiiTo2100Eastern_1800To0100Utc()
    {
        var policy = Policy(FederalOnly());

        policy.NextAllowedUtc(Utc("2026-07-06T16:00:00"), RecipientInfo.Unknown).ShouldBe(Utc("2026-07-06T18:00:00"));
        policy.NextAllowedUtc(Utc("2026-07-06T17:59:00"), RecipientInfo.Unknown).ShouldBe(Utc("2026-07-06T18:00:00"));
        policy.NextAllowedUtc(Utc("2026-07-06T18:00:00"), RecipientInfo.Unknown).ShouldBeNull();
        policy.NextAllowedUtc(Utc("2026-07-07T00:59:00"), RecipientInfo.Unknown).ShouldBeNull();
        policy.NextAllowedUtc(Utc("2026-07-07T01:00:00"), RecipientInfo.Unknown).ShouldBe(Utc("2026-07-07T18:00:00"));
    }

    [Fact]
    public void FederalOnly_Winter_AllowsOnly0800HawaiiAleutianTo2100Eastern_1800To0200Utc()
    {
        var policy = Policy(FederalOnly());

        policy.NextAllowedUtc(Utc("2026-01-05T17:59:00"), RecipientInfo.Unknown).ShouldBe(Utc("2026-01-05T18:00:00"));
        policy.NextAllowedUtc(Utc("2026-01-06T01:59:00"), RecipientInfo.Unknown).ShouldBeNull();
        policy.NextAllowedUtc(Utc("2026-01-06T02:00:00"), RecipientInfo.Unknown).ShouldBe(Utc("2026-01-06T18:00:00"));
    }

    [Fact]
    public void UnknownState_AppliesTheStrictestStateRule_TexasSundayNoonInEveryCentralAndMountainZone()
    {
        // Contact zone known (Chicago), state and phone unknown: FL/OK/MD end 20:00, TX Sunday opens 12:00.
        var policy = Policy();
        var chicago = Recipient("America/Chicago");

        policy.NextAllowedUtc(Utc("2026-07-05T16:00:00"), chicago).ShouldBe(Utc("2026-07-05T17:00:00"));
        policy.NextAllowedUtc(Utc("2026-07-06T01:00:00"), chicago).ShouldBe(Utc("2026-07-06T14:00:00"));
    }
}
