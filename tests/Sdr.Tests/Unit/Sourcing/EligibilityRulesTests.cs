using Sdr.Core.Configuration;
using Sdr.Core.Sequences.Eligibility;

namespace Sdr.Tests.Unit.Sourcing;

public sealed class EligibilityRulesTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc);
    private static readonly EligibilityStanding Clear = new(null, false, null);
    private static readonly EligibilityPolicy Cadence = new(new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "SMS", "Email", "Call" }, 30, null);

    private static EligibilityFacts Texas(string? phone = "+12145550123") => new("c1", phone, false, new Dictionary<string, string>(), "TX", "75201", "Dallas");

    [Fact]
    public void Check_ValidUsMobileWithNothingAgainstIt_IsEligible() =>
        EligibilityRules.Check(Texas("+12149301234"), Clear, Cadence, Now).ShouldBeNull();

    [Fact]
    public void Check_SuppressedByLedger_IsSuppressed() =>
        EligibilityRules.Check(Texas(), Clear with { Suppression = "dnc: imported" }, Cadence, Now).ShouldBe(SkipReasons.Suppressed);

    [Theory]
    [InlineData("SMS")]
    [InlineData("Email")]
    [InlineData("Call")]
    public void Check_DndOnAChannelTheCadenceUses_IsDnd(string channel) =>
        EligibilityRules.Check(Texas() with { DndChannels = new Dictionary<string, string> { [channel] = "active" } }, Clear, Cadence, Now).ShouldBe(SkipReasons.Dnd);

    [Fact]
    public void Check_EmailDndWhenTheCadenceHasNoEmailStep_IsEligible()
    {
        var smsOnly = Cadence with { DndChannels = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "SMS" } };

        EligibilityRules.Check(Texas("+12149301234") with { DndChannels = new Dictionary<string, string> { ["Email"] = "active" } }, Clear, smsOnly, Now).ShouldBeNull();
    }

    [Fact]
    public void Check_GlobalDnd_IsDnd() =>
        EligibilityRules.Check(Texas() with { Dnd = true }, Clear, Cadence, Now).ShouldBe(SkipReasons.Dnd);

    [Fact]
    public void Check_ActiveSequence_IsAlreadyEnrolled() =>
        EligibilityRules.Check(Texas(), Clear with { HasActiveSequence = true }, Cadence, Now).ShouldBe(SkipReasons.AlreadyEnrolled);

    [Fact]
    public void Check_SequenceEndedInsideTheCooldown_IsCooldown() =>
        EligibilityRules.Check(Texas(), Clear with { LastSequenceEndedAt = Now.AddDays(-29) }, Cadence, Now).ShouldBe(SkipReasons.Cooldown);

    [Fact]
    public void Check_SequenceEndedBeforeTheCooldown_IsEligible() =>
        EligibilityRules.Check(Texas("+12149301234"), Clear with { LastSequenceEndedAt = Now.AddDays(-31) }, Cadence, Now).ShouldBeNull();

    [Theory]
    [InlineData(null, SkipReasons.NoPhone)]
    [InlineData("  ", SkipReasons.NoPhone)]
    [InlineData("12345", SkipReasons.NoValidPhone)]
    [InlineData("+442079460958", SkipReasons.NoValidPhone)]
    [InlineData("+18005550100", SkipReasons.NoValidPhone)]
    [InlineData("+14165550123", SkipReasons.NoValidPhone)]
    public void Check_PhoneThatCannotTakeUsTexts_IsSkippedWithItsReason(string? phone, string reason) =>
        EligibilityRules.Check(Texas(phone), Clear, Cadence, Now).ShouldBe(reason);

    [Fact]
    public void Check_LandlineByGhlLineType_IsNoValidPhone() =>
        EligibilityRules.Check(Texas("+12149301234") with { LineType = "landline" }, Clear, Cadence, Now).ShouldBe(SkipReasons.NoValidPhone);

    [Theory]
    [InlineData("TX", "75201", "Dallas", null)]
    [InlineData("Texas", null, null, null)]
    [InlineData("FL", "75299", null, null)]
    [InlineData("FL", "33130", "dallas", null)]
    [InlineData("FL", "33130", "Miami", SkipReasons.OutsideServiceArea)]
    [InlineData(null, null, null, SkipReasons.OutsideServiceArea)]
    public void Check_ServiceArea_MatchesStateZipPrefixOrCity(string? state, string? zip, string? city, string? expected)
    {
        var area = new ServiceAreaOptions { States = ["tx"], PostalCodePrefixes = ["752"], Cities = ["Dallas"] };

        EligibilityRules.Check(Texas("+12149301234") with { State = state, PostalCode = zip, City = city }, Clear, Cadence with { ServiceArea = area }, Now).ShouldBe(expected);
    }

    [Fact]
    public void Check_UnknownDndFromAnOpportunityContact_PassesUntilEnrolmentReadsIt() =>
        EligibilityRules.Check(new EligibilityFacts("c1", "+12149301234"), Clear, Cadence, Now).ShouldBeNull();
}
