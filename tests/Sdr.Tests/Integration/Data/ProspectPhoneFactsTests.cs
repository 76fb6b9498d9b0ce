using Microsoft.EntityFrameworkCore;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Consent;
using Sdr.Core.Data;
using Sdr.Core.Phones;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Data;

/// <summary>A prospect stores its phone's facts so a touch does not parse the phone; they must stay true.</summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class ProspectPhoneFactsTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Enrolment_StoresThePhoneFacts_AndTheyFollowAPhoneChange(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();

        var enrolled = await host.WithDbAsync(db => db.Prospects.AsNoTracking().SingleAsync());
        ShouldMatchParsing(enrolled, contact.Phone!);

        await host.WithDbAsync(async db =>
        {
            var prospect = await db.Prospects.SingleAsync();
            prospect.SetPhone("(808) 555-0142");
            return await db.SaveChangesAsync();
        });

        var moved = await host.WithDbAsync(db => db.Prospects.AsNoTracking().SingleAsync());
        moved.Phone.ShouldBe("+18085550142");
        moved.PhoneState.ShouldBe("HI");
        moved.PhoneZones.ShouldBe("Pacific/Honolulu");
        ShouldMatchParsing(moved, "+18085550142");
        var storedPhone = await host.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT phone AS \"Value\" FROM sdr_prospects").SingleAsync());
        storedPhone.ShouldNotContain("8085550142", customMessage: "the phone is PII: encrypted at rest");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RowWithoutCurrentFacts_IsParsedPerTouch_ThenBackfilled(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();

        // A row as the migration leaves it (no facts), and one resolved by an older libphonenumber.
        foreach (var version in new string?[] { null, "8.0.0" })
        {
            await host.WithDbAsync(db => db.Database.ExecuteSqlAsync(
                $"UPDATE sdr_prospects SET phone_state = NULL, phone_zones = NULL, phone_data_version = {version}"));

            var legacy = await host.WithDbAsync(db => db.Prospects.AsNoTracking().SingleAsync());
            legacy.HasCurrentPhoneFacts.ShouldBeFalse();
            var recipient = RecipientInfo.For(legacy);
            var parsed = ResolvedPhone.Of(contact.Phone)!;
            recipient.ResolvedPhone!.Hash.ShouldBe(parsed.Hash);
            recipient.ResolvedPhone.AreaState.ShouldBe(parsed.AreaState);
            recipient.ResolvedPhone.Zones.ShouldBe(parsed.Zones);

            (await host.WithDbAsync(db => ProspectPhoneBackfill.RunAsync(db))).ShouldBe(1);
            (await host.WithDbAsync(db => ProspectPhoneBackfill.RunAsync(db))).ShouldBe(0);
            ShouldMatchParsing(await host.WithDbAsync(db => db.Prospects.AsNoTracking().SingleAsync()), contact.Phone!);
        }
    }

    private static void ShouldMatchParsing(Sdr.Core.Data.Entities.SdrProspect prospect, string phone)
    {
        var parsed = ResolvedPhone.Of(phone)!;
        prospect.HasCurrentPhoneFacts.ShouldBeTrue();
        prospect.Phone.ShouldBe(parsed.E164);
        prospect.PhoneHash.ShouldBe(PhoneHash.Of(phone));
        prospect.PhoneState.ShouldBe(parsed.AreaState);
        prospect.PhoneZones.ShouldBe(parsed.ZoneIds);
        var stored = RecipientInfo.For(prospect).ResolvedPhone!;
        stored.Hash.ShouldBe(parsed.Hash);
        stored.AreaState.ShouldBe(parsed.AreaState);
        stored.Zones.Select(z => z.Id).ShouldBe(parsed.Zones.Select(z => z.Id));
    }
}
