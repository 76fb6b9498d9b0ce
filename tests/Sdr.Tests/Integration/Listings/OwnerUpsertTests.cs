using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data.Entities;
using Sdr.Core.Listings;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Listings;

[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class OwnerUpsertTests
{
    [Fact]
    public async Task UpsertOwner_SendsAddressAndFactsWithoutTags_ThenAddsTheSourceTag()
    {
        await using var listings = await ListingTestHost.StartAsync();
        var candidate = (await listings.WithCandidatesAsync(c => c.ReadAsync(listings.LocationId, ListingSources.ExpiredMls, 1)))[0];

        var contact = await listings.WithCandidatesAsync(c => c.UpsertOwnerAsync(candidate));

        var state = listings.Host.Sandbox.State;
        var upsert = state.ContactUpserts.ShouldHaveSingleItem();
        upsert.HadTags.ShouldBeFalse();
        upsert.CustomFieldIds.Order().ShouldBe(["cf-dom", "cf-list-price"]);
        var calls = state.Requests.Where(r => r.Method == "POST" && r.Path.StartsWith("/contacts", StringComparison.Ordinal)).Select(r => r.Path).ToList();
        calls.ShouldBe(["/contacts/upsert", $"/contacts/{contact.Id}/tags"]);
        var stored = state.GetContact(contact.Id)!;
        stored.Phone.ShouldBe(candidate.OwnerPhone);
        stored.Address1.ShouldBe(candidate.Facts.UnparsedAddress);
        stored.City.ShouldBe(candidate.Facts.City);
        stored.PostalCode.ShouldBe(candidate.Facts.PostalCode);
        stored.Tags.ShouldContain("sdr-expired"); // GHL stores tags in lower case
        stored.CustomFields["cf-list-price"].ShouldBe(candidate.Facts.ListPrice!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        stored.CustomFields["cf-dom"].ShouldBe(candidate.Facts.DaysOnMarket!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var row = await listings.Host.WithDbAsync(db => db.Listings.SingleAsync(l => l.Id == candidate.ListingId));
        (row.State, row.ContactId).ShouldBe((ListingState.Upserted, contact.Id));
    }

    [Fact]
    public async Task UpsertOwner_OfAnOwnerAlreadyAContact_KeepsTheirTags_AndTheSecondCallMakesNoGhlRequest()
    {
        await using var listings = await ListingTestHost.StartAsync();
        var candidate = (await listings.WithCandidatesAsync(c => c.ReadAsync(listings.LocationId, ListingSources.ExpiredMls, 1)))[0];
        var existing = listings.Host.Sandbox.State.AddContact(new Sdr.Sandbox.SandboxContact { LocationId = listings.LocationId, Phone = candidate.OwnerPhone, Tags = ["past-client"] });

        var first = await listings.WithCandidatesAsync(c => c.UpsertOwnerAsync(candidate));
        var requests = listings.Host.Sandbox.State.Requests.Count;
        var again = await listings.WithCandidatesAsync(c => c.UpsertOwnerAsync(candidate));

        first.Id.ShouldBe(existing.Id);
        again.Id.ShouldBe(existing.Id);
        listings.Host.Sandbox.State.Requests.Count.ShouldBe(requests);
        existing.Tags.ShouldBe(["past-client", "sdr-expired"], ignoreOrder: true);
        listings.Host.Sandbox.State.Contacts(listings.LocationId).Count(c => c.Phone == candidate.OwnerPhone).ShouldBe(1);
    }

    [Fact]
    public async Task UpsertOwner_OverTheDailyBudget_ThrowsTheBudgetException_AndLeavesTheListingStaged()
    {
        await using var listings = await ListingTestHost.StartAsync(settings: new Dictionary<string, string?> { ["sdr:listings:max_owner_upserts_per_day"] = "1" });
        var candidates = await listings.WithCandidatesAsync(c => c.ReadAsync(listings.LocationId, ListingSources.ExpiredMls, 2));
        await listings.WithCandidatesAsync(c => c.UpsertOwnerAsync(candidates[0]));

        var error = await Should.ThrowAsync<OwnerUpsertBudgetExhaustedException>(() => listings.WithCandidatesAsync(c => c.UpsertOwnerAsync(candidates[1])));

        error.LocationId.ShouldBe(listings.LocationId);
        error.Message.ShouldContain("max_owner_upserts_per_day");
        (await listings.Host.WithDbAsync(db => db.Listings.SingleAsync(l => l.Id == candidates[1].ListingId))).State.ShouldBe(ListingState.Staged);
        listings.Host.Sandbox.State.ContactUpserts.Count.ShouldBe(1);

        // The next UTC day has a fresh budget.
        listings.Host.Clock.Advance(TimeSpan.FromDays(1));
        (await listings.WithCandidatesAsync(c => c.UpsertOwnerAsync(candidates[1]))).Id.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task OwnerOnTheSandboxDnd_IsUpsertedAsAContactWithDndOn()
    {
        await using var listings = await ListingTestHost.StartAsync();
        foreach (var (phone, message) in listings.FeedServer.State.DndPhones)
        {
            listings.Host.Sandbox.State.DndPhones[phone] = message;
        }

        var candidates = await listings.WithCandidatesAsync(c => c.ReadAsync(listings.LocationId, ListingSources.ExpiredMls, 1000));
        var dndOwner = candidates.First(c => listings.Host.Sandbox.State.DndPhones.ContainsKey(c.OwnerPhone));

        var contact = await listings.WithCandidatesAsync(c => c.UpsertOwnerAsync(dndOwner));

        contact.DndSettings["SMS"].Status.ShouldBe("active");
    }

    [Fact]
    public async Task MarkAsync_Enrolled_IsNeverOfferedAgain_AndASkipKeepsItsReason()
    {
        await using var listings = await ListingTestHost.StartAsync();
        var candidates = await listings.WithCandidatesAsync(c => c.ReadAsync(listings.LocationId, ListingSources.ExpiredMls, 3));
        await listings.WithCandidatesAsync(async c =>
        {
            await c.MarkAsync(candidates[0].ListingId, ListingCandidates.Enrolled);
            await c.MarkAsync(candidates[1].ListingId, "outside_service_area");
            return 0;
        });

        var next = await listings.WithCandidatesAsync(c => c.ReadAsync(listings.LocationId, ListingSources.ExpiredMls, 1000));

        next.Select(c => c.ListingId).ShouldNotContain(candidates[0].ListingId);
        next.Select(c => c.ListingId).ShouldNotContain(candidates[1].ListingId);
        next[0].ListingId.ShouldBe(candidates[2].ListingId);
        var skipped = await listings.Host.WithDbAsync(db => db.Listings.SingleAsync(l => l.Id == candidates[1].ListingId));
        (skipped.State, skipped.StateReason).ShouldBe((ListingState.Skipped, "outside_service_area"));
    }
}
