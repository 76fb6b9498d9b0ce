using PhoneNumbers;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Consent;
using Sdr.Core.Compliance.Hours;
using Sdr.Core.Data.Entities;
using Sdr.Core.Phones;

namespace Sdr.Tests.Unit.Phones;

/// <summary>The phone parsed once per touch gives every stage what parsing it per stage gave.</summary>
public sealed class ResolvedPhoneTests
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    [Fact]
    public void MiamiNumber_AsTypedIntoAForm_ResolvesToE164HashStateAndZone()
    {
        var phone = ResolvedPhone.Of(" (305) 555-0123 ");

        phone.ShouldNotBeNull();
        phone.E164.ShouldBe("+13055550123");
        phone.Hash.ShouldBe(PhoneHash.Of("+13055550123"));
        phone.AreaState.ShouldBe("FL");
        phone.Zones.Select(z => z.Id).ShouldBe(["America/New_York"]);
    }

    [Fact]
    public void TollFreeNumber_HasAHashButNoStateOrZone()
    {
        var phone = ResolvedPhone.Of("+18005550123");

        phone.ShouldNotBeNull();
        phone.Hash.ShouldBe(PhoneHash.Of("+18005550123"));
        phone.AreaState.ShouldBeNull();
        phone.Zones.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12")]
    [InlineData("not a phone")]
    [InlineData("+1 212 055 0123")]
    public void MissingOrInvalidNumber_IsNotResolved(string? raw)
    {
        ResolvedPhone.Of(raw).ShouldBeNull();
        new RecipientInfo(null, "NY", raw).ResolvedPhone.ShouldBeNull();
    }

    [Fact]
    public void Recipient_ResolvesItsPhoneWhenSet_AlsoThroughWith()
    {
        var recipient = new RecipientInfo(null, null, "+12125550123");
        var moved = recipient with { Phone = "+18085550123" };

        recipient.ResolvedPhone!.AreaState.ShouldBe("NY");
        moved.ResolvedPhone!.AreaState.ShouldBe("HI");
        (recipient with { State = "CA" }).ResolvedPhone!.E164.ShouldBe("+12125550123");
        (recipient with { Phone = null }).ResolvedPhone.ShouldBeNull();
    }

    [Fact]
    public void Recipients_AreEqualWhenTheirFieldsAre()
    {
        var recipient = new RecipientInfo("America/New_York", "NY", "+12125550123");

        recipient.ShouldBe(new RecipientInfo("America/New_York", "NY", "+12125550123"));
        recipient.GetHashCode().ShouldBe(new RecipientInfo("America/New_York", "NY", "+12125550123").GetHashCode());
        recipient.ShouldNotBe(new RecipientInfo("America/New_York", "NY", "+12125550124"));
        var (timeZone, state, phone) = recipient;
        (timeZone, state, phone).ShouldBe(("America/New_York", "NY", "+12125550123"));
    }

    [Fact]
    public void EveryNumber_ResolvesAsParsingItInEachStageDid()
    {
        foreach (var raw in Numbers())
        {
            var resolved = ResolvedPhone.Of(raw);

            resolved?.Hash.ShouldBe(PhoneHash.Of(raw), raw);
            if (resolved is null)
            {
                PhoneHash.Of(raw).ShouldBeNull(raw);
            }

            (resolved?.AreaState).ShouldBe(LegacyStateOf(raw), raw);
            (resolved?.Zones.Select(z => z.Id).ToArray() ?? []).ShouldBe(LegacyZonesOf(raw), raw);
        }
    }

    [Fact]
    public void EveryNumber_StoredOnAProspect_GivesWhatParsingGives()
    {
        foreach (var raw in Numbers())
        {
            var prospect = new SdrProspect { ContactId = "c", LocationId = "l", Source = "manual", TimeZone = null, State = "NY" };
            prospect.SetPhone(raw);
            var parsed = ResolvedPhone.Of(raw);

            var stored = RecipientInfo.For(prospect).ResolvedPhone;

            prospect.HasCurrentPhoneFacts.ShouldBeTrue(raw);
            (stored?.E164).ShouldBe(parsed?.E164, raw);
            (stored?.Hash).ShouldBe(PhoneHash.Of(raw), raw);
            prospect.PhoneHash.ShouldBe(PhoneHash.Of(raw), raw);
            (stored?.AreaState).ShouldBe(parsed?.AreaState, raw);
            (stored?.Zones.Select(z => z.Id).ToArray() ?? []).ShouldBe(parsed?.Zones.Select(z => z.Id).ToArray() ?? [], raw);
            new RecipientStateResolver().Resolve(RecipientInfo.For(prospect)).ShouldBe(new RecipientStateResolver().Resolve(new RecipientInfo(null, "NY", raw)), raw);
        }
    }

    [Fact]
    public void Prospect_StoresTheE164Form_AndFactsThatFollowAPhoneChange()
    {
        var prospect = new SdrProspect { ContactId = "c", LocationId = "l", Source = "manual" };

        prospect.SetPhone(" (212) 555-0123 ");
        prospect.Phone.ShouldBe("+12125550123");
        prospect.PhoneState.ShouldBe("NY");
        prospect.PhoneZones.ShouldBe("America/New_York");

        prospect.SetPhone("+18085550123");
        prospect.Phone.ShouldBe("+18085550123");
        prospect.PhoneHash.ShouldBe(PhoneHash.Of("+18085550123"));
        prospect.PhoneState.ShouldBe("HI");
        prospect.PhoneZones.ShouldBe("Pacific/Honolulu");
        RecipientInfo.For(prospect).ResolvedPhone!.AreaState.ShouldBe("HI");

        prospect.SetPhone("+18005550123");
        (prospect.PhoneState, prospect.PhoneZones).ShouldBe((null, null));
        RecipientInfo.For(prospect).ResolvedPhone!.Hash.ShouldBe(PhoneHash.Of("+18005550123"));

        prospect.SetPhone("555-0123");
        prospect.Phone.ShouldBe("555-0123");
        (prospect.PhoneHash, prospect.PhoneState, prospect.PhoneZones).ShouldBe((null, null, null));
        RecipientInfo.For(prospect).ResolvedPhone.ShouldBeNull();

        prospect.SetPhone(null);
        prospect.Phone.ShouldBeNull();
        RecipientInfo.For(prospect).ShouldBe(new RecipientInfo(null, null, null));
    }

    /// <summary>Every area code with random exchanges, in several spellings, plus foreign, toll-free and broken numbers.</summary>
    private static IEnumerable<string?> Numbers()
    {
        var random = new Random(20261125);
        for (var i = 0; i < 3200; i++)
        {
            var area = 200 + (i % 800);
            var exchange = random.Next(100, 1000);
            var line = random.Next(10000);
            yield return (i % 4) switch
            {
                0 => $"+1{area}{exchange}{line:D4}",
                1 => $"({area}) {exchange}-{line:D4}",
                2 => $"{area}.{exchange}.{line:D4}",
                _ => $" 1 {area} {exchange} {line:D4} ",
            };
        }

        string?[] specials =
        [
            null, "", " ", "12", "abc", "555-0123", "+442071838750", "+33 1 42 68 53 00", "+61 2 9374 4000",
            "+14165550199", "+17875551234", "+16715551234", "+18005550123", "+18885551234", "+19005550123",
            "+1 (212) 555-0123 ext. 12", "tel:+1-212-555-0123", "+1 915 555 0123", "+1 208 555 0123",
        ];
        foreach (var special in specials)
        {
            yield return special;
        }
    }

    // What PhoneLocation did before the phone was resolved once: parse, validate and look up per question.
    private static PhoneNumber? LegacyGeographic(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        try
        {
            var number = Util.Parse(phone, "US");
            return Util.IsValidNumber(number) && Util.IsNumberGeographical(number) ? number : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static string? LegacyStateOf(string? phone)
    {
        if (LegacyGeographic(phone) is not { } number || Util.GetRegionCodeForNumber(number) is not { } region || (region != "US" && !UsStates.IsKnown(region)))
        {
            return null;
        }

        var description = PhoneNumberOfflineGeocoder.GetInstance().GetDescriptionForNumber(number, Locale.English);
        var comma = description.LastIndexOf(',');
        return UsStates.Normalize(comma >= 0 ? description[(comma + 1)..] : description);
    }

    private static string[] LegacyZonesOf(string? phone)
    {
        if (LegacyGeographic(phone) is not { } number)
        {
            return [];
        }

        var mapper = PhoneNumberToTimeZonesMapper.GetInstance();
        var ids = mapper.GetTimeZonesForNumber(number);
        if (ids.Any(z => z == mapper.GetUnknownTimeZone()))
        {
            return [];
        }

        return ids
            .Select(id => TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null)
            .OfType<TimeZoneInfo>()
            .DistinctBy(z => z.Id)
            .Select(z => z.Id)
            .ToArray();
    }
}
