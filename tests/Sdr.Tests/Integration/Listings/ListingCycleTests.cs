using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sdr.Tests.Integration.Sourcing;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Listings;

/// <summary>
/// The listing sources end to end: a prospecting cycle reads the location's RESO feed, upserts each eligible owner as
/// a GHL contact (no tags in the upsert, the source tag added after), enrols them with the listing's facts, and the
/// first text names the owner's own listing.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class ListingCycleTests
{
    [Fact]
    public async Task SourceCycle_ExpiredListings_UpsertsTheOwners_EnrolsThem_AndTheFirstTextNamesTheListing()
    {
        await using var listings = await ListingTestHost.StartAsync(settings: new Dictionary<string, string?> { ["sdr:rate_limits:max_enrollments_per_hour"] = "1000" });
        var host = listings.Host;

        var response = await host.Client.PostAsync($"/sdr/prospects/source?location_id={host.LocationId}&sources=expired_mls", null);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cycle_id").GetInt64();
        var cycle = await SourcingHost.WaitForCycleAsync(host, id);

        cycle.GetProperty("status").GetString().ShouldBe("completed");
        var enrolled = cycle.GetProperty("counts").GetProperty("enrolled").GetInt32();
        enrolled.ShouldBeGreaterThan(0);
        var sequences = await host.WithDbAsync(db => db.Sequences.Include(s => s.Prospect).ToListAsync());
        sequences.Count.ShouldBe(enrolled);
        sequences.ShouldAllBe(s => s.Prospect!.Source == "expired_mls");

        // Every enrolled owner is a real GHL contact, upserted without tags, then tagged.
        var upserts = host.Sandbox.State.ContactUpserts;
        upserts.ShouldAllBe(u => !u.HadTags);
        foreach (var sequence in sequences)
        {
            upserts.ShouldContain(u => u.ContactId == sequence.ContactId);
            host.Sandbox.State.TagChanges.ShouldContain(t => t.ContactId == sequence.ContactId && t.Added && t.Tag.Equals("sdr-expired", StringComparison.OrdinalIgnoreCase));
        }

        var staged = await host.WithDbAsync(db => db.Listings.Where(l => l.ContactId != null).ToListAsync());
        // Owners GHL already holds on DND are upserted, then skipped by enrolment's own check.
        staged.Count.ShouldBeGreaterThanOrEqualTo(enrolled);
        sequences.ShouldAllBe(s => staged.Any(l => l.ContactId == s.ContactId));

        // SMS_1 names the owner's own listing.
        var first = sequences[0];
        var address = staged.Single(l => l.ContactId == first.ContactId).UnparsedAddress;
        await host.SendDueFirstTouchesAsync([.. sequences.Select(s => s.ContactId)]);
        var text = host.Sandbox.State.SentMessages.Where(m => m.ContactId == first.ContactId).ShouldHaveSingleItem();
        if (address is not null)
        {
            text.Body.ShouldNotBeNull().ShouldContain(address.Split(',')[0]);
        }

        // A second cycle finds nobody new: no owner is upserted or enrolled twice.
        var upsertsBefore = upserts.Count;
        var again = await host.Client.PostAsync($"/sdr/prospects/source?location_id={host.LocationId}&sources=expired_mls", null);
        var second = await SourcingHost.WaitForCycleAsync(host, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cycle_id").GetInt64());
        second.GetProperty("counts").GetProperty("enrolled").GetInt32().ShouldBe(0);
        host.Sandbox.State.ContactUpserts.Count.ShouldBe(upsertsBefore);
        (await host.WithDbAsync(db => db.Sequences.CountAsync())).ShouldBe(enrolled);
    }

    [Fact]
    public async Task SourceCycle_OwnersLeftOutByTheHourlyLimit_AreOfferedAgainByTheNextCycle()
    {
        await using var listings = await ListingTestHost.StartAsync(settings: new Dictionary<string, string?> { ["sdr:rate_limits:max_enrollments_per_hour"] = "3" });
        var host = listings.Host;

        var first = await RunCycleAsync(host);
        first.GetProperty("counts").GetProperty("enrolled").GetInt32().ShouldBe(3);
        first.GetProperty("counts").GetProperty("skipped_by_reason").GetProperty("enrollment_rate_limited").GetInt32().ShouldBeGreaterThan(0);

        host.Clock.Advance(TimeSpan.FromHours(1.1));
        var second = await RunCycleAsync(host);

        second.GetProperty("counts").GetProperty("enrolled").GetInt32().ShouldBe(3, "the listings the limit left out were still staged");
        (await host.WithDbAsync(db => db.Sequences.Select(s => s.ContactId).Distinct().CountAsync())).ShouldBe(6);
    }

    private static async Task<JsonElement> RunCycleAsync(Sdr.Tests.Integration.Support.SdrTestHost host)
    {
        var response = await host.Client.PostAsync($"/sdr/prospects/source?location_id={host.LocationId}&sources=expired_mls", null);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cycle_id").GetInt64();
        return await SourcingHost.WaitForCycleAsync(host, id);
    }
}
