using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Data.Entities;
using Sdr.Core.Listings;
using Sdr.Sandbox.Reso;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Listings;

[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class ResoFeedTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ExpiredFeed_StagesExpiredWithdrawnAndCanceledListings_WithTheOwnersPhoneNeverTheAgents(string provider)
    {
        await using var listings = await ListingTestHost.StartAsync(provider);
        var feed = listings.Feed.Listings;
        var expired = feed.Where(l => Text(l, "StandardStatus") is "Expired" or "Withdrawn" or "Canceled").ToList();
        var agentPhones = feed.SelectMany(l => new[] { Text(l, "ListAgentDirectPhone"), Text(l, "ListAgentMobilePhone") }).OfType<string>().ToHashSet();

        var candidates = await listings.WithCandidatesAsync(c => c.ReadAsync(listings.LocationId, ListingSources.ExpiredMls, 1000));

        var staged = await listings.Host.WithDbAsync(db => db.Listings.Where(l => l.Source == ListingSources.ExpiredMls).ToListAsync());
        staged.Select(l => l.ListingKey).Order().ShouldBe(expired.Select(l => Text(l, "ListingKey")!).Order());
        candidates.ShouldNotBeEmpty();
        foreach (var candidate in candidates)
        {
            var source = expired.Single(l => Text(l, "ListingKey") == candidate.Facts.ListingKey);
            candidate.OwnerPhone.ShouldBe(Text(source, "OwnerPhone"));
            agentPhones.ShouldNotContain(candidate.OwnerPhone);
            candidate.Facts.ListPrice.ShouldBe(source["ListPrice"]!.GetValue<decimal>());
            candidate.Facts.City.ShouldBe(Text(source, "City"));
        }

        staged.Where(l => l.StateReason == ListingExclusions.NoOwnerPhone).Select(l => l.ListingKey).Order()
            .ShouldBe(expired.Where(l => Text(l, "OwnerPhone") is null).Select(l => Text(l, "ListingKey")!).Order());
        staged.Count(l => l.StateReason == ListingExclusions.InvalidOwnerPhone).ShouldBe(expired.Count(l => Text(l, "OwnerPhone") is { Length: < 10 }));
        candidates.Count.ShouldBe(staged.Count(l => l.State == ListingState.Staged));
        listings.Feed.TokenRequests.ShouldBe(1);
    }

    [Fact]
    public async Task FsboFeed_WithABearerToken_StagesOnlyListingsWithoutAnAgent()
    {
        await using var listings = await ListingTestHost.StartAsync();
        var fsbo = listings.Feed.Listings.Where(l => Text(l, "StandardStatus") == "Active" && l["ListAgentFullName"] is null).Select(l => Text(l, "ListingKey")!).ToList();

        await listings.WithCandidatesAsync(c => c.ReadAsync(listings.LocationId, ListingSources.Fsbo, 1000));

        var staged = await listings.Host.WithDbAsync(db => db.Listings.Where(l => l.Source == ListingSources.Fsbo).Select(l => l.ListingKey).ToListAsync());
        fsbo.ShouldNotBeEmpty();
        staged.Order().ShouldBe(fsbo.Order());
        listings.Feed.TokenRequests.ShouldBe(0);
    }

    [Fact]
    public async Task SecondRead_AsksOnlyForWhatChangedSinceTheCheckpoint_AndUpdatesTheListing()
    {
        await using var listings = await ListingTestHost.StartAsync(pageSize: 5);
        var expiredCount = listings.Feed.Listings.Count(l => Text(l, "StandardStatus") is "Expired" or "Withdrawn" or "Canceled");
        await listings.WithCandidatesAsync(c => c.ReadAsync(listings.LocationId, ListingSources.ExpiredMls, 1000));
        var firstPages = listings.Feed.PageRequests;
        firstPages.ShouldBe((expiredCount + 4) / 5);

        var changed = listings.Feed.Listings.First(l => Text(l, "StandardStatus") == "Expired" && Text(l, "OwnerPhone") is { Length: > 10 });
        changed["ListPrice"] = 199_000m;
        changed["ModificationTimestamp"] = Iso(DateTimeOffset.UtcNow.AddMinutes(1));
        listings.Feed.Upsert(changed);
        await listings.WithCandidatesAsync(c => c.ReadAsync(listings.LocationId, ListingSources.ExpiredMls, 1000));

        listings.Feed.PageRequests.ShouldBe(firstPages + 1);
        var key = Text(changed, "ListingKey");
        var row = await listings.Host.WithDbAsync(db => db.Listings.SingleAsync(l => l.ListingKey == key));
        row.ListPrice.ShouldBe(199_000m);
        (await listings.Host.WithDbAsync(db => db.Listings.CountAsync())).ShouldBe(expiredCount);
        var checkpoint = await listings.Host.WithDbAsync(db => db.ListingFeedCheckpoints.SingleAsync(c => c.Source == ListingSources.ExpiredMls));
        checkpoint.LastListingKey.ShouldBe(key);
    }

    [Fact]
    public async Task PageThatTimesOut_IsRetried_AndEveryListingIsStaged()
    {
        await using var listings = await ListingTestHost.StartAsync();
        listings.Feed.Enqueue(ResoFault.Timeout);
        listings.Feed.Enqueue(ResoFault.ServerError);

        await listings.WithCandidatesAsync(c => c.ReadAsync(listings.LocationId, ListingSources.ExpiredMls, 1000));

        var expected = listings.Feed.Listings.Count(l => Text(l, "StandardStatus") is "Expired" or "Withdrawn" or "Canceled");
        (await listings.Host.WithDbAsync(db => db.Listings.CountAsync())).ShouldBe(expected);
    }

    [Fact]
    public async Task PageServedTwice_StagesEachListingOnce()
    {
        await using var listings = await ListingTestHost.StartAsync();
        listings.Feed.Enqueue(ResoFault.RepeatPage);

        await listings.WithCandidatesAsync(c => c.ReadAsync(listings.LocationId, ListingSources.ExpiredMls, 1000));

        var expected = listings.Feed.Listings.Count(l => Text(l, "StandardStatus") is "Expired" or "Withdrawn" or "Canceled");
        var keys = await listings.Host.WithDbAsync(db => db.Listings.Select(l => l.ListingKey).ToListAsync());
        keys.Count.ShouldBe(expected);
        keys.Distinct().Count().ShouldBe(expected);
        listings.Feed.PageRequests.ShouldBe(((expected + 4) / 5) + 1);
    }

    [Fact]
    public async Task NextLinkThatLoops_StopsTheRead_KeepsWhatWasStaged_AndStillOffersIt()
    {
        await using var listings = await ListingTestHost.StartAsync();
        listings.Feed.NextLinkLoops = true;

        var candidates = await listings.WithCandidatesAsync(c => c.ReadAsync(listings.LocationId, ListingSources.ExpiredMls, 1000));

        var staged = await listings.Host.WithDbAsync(db => db.Listings.CountAsync());
        staged.ShouldBe(5);
        candidates.Count.ShouldBe(await listings.Host.WithDbAsync(db => db.Listings.CountAsync(l => l.State == ListingState.Staged)));
        listings.Feed.PageRequests.ShouldBeLessThan(5);

        // The loop is reported as a clear error by the reader itself.
        var feed = new ListingFeedOptions { LocationId = listings.LocationId, Source = ListingSources.ExpiredMls, Url = listings.FeedServer.ResoPropertyUrl.ToString(), BearerTokenEnv = ListingTestHost.BearerEnv, PageSize = 5 };
        await listings.Host.WithDbAsync(db => db.ListingFeedCheckpoints.ExecuteDeleteAsync());
        var error = await Should.ThrowAsync<ResoFeedException>(() => ReadFeedAsync(listings, feed));
        error.Message.ShouldContain("nextLink");
    }

    [Fact]
    public async Task ExpiredToken_IsFetchedAgain_AndTheReadGoesOn()
    {
        await using var listings = await ListingTestHost.StartAsync();
        await listings.WithCandidatesAsync(c => c.ReadAsync(listings.LocationId, ListingSources.ExpiredMls, 1000));
        listings.Feed.ExpireTokens();
        var changed = listings.Feed.Listings.First(l => Text(l, "StandardStatus") == "Withdrawn");
        changed["ModificationTimestamp"] = Iso(DateTimeOffset.UtcNow.AddMinutes(1));
        changed["DaysOnMarket"] = 400;
        listings.Feed.Upsert(changed);

        await listings.WithCandidatesAsync(c => c.ReadAsync(listings.LocationId, ListingSources.ExpiredMls, 1000));

        listings.Feed.TokenRequests.ShouldBe(2);
        var key = Text(changed, "ListingKey");
        (await listings.Host.WithDbAsync(db => db.Listings.SingleAsync(l => l.ListingKey == key))).DaysOnMarket.ShouldBe(400);
    }

    private static async Task<ListingFeedReadResult> ReadFeedAsync(ListingTestHost listings, ListingFeedOptions feed)
    {
        await using var scope = listings.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ListingFeedReader>().ReadAsync(feed, CancellationToken.None);
    }

    private static string? Text(JsonObject listing, string field) => listing[field]?.GetValue<string>();

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
