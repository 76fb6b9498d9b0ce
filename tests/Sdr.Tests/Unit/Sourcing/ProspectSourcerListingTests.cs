using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Sdr.Core.Configuration;
using Sdr.Core.GoHighLevel;
using Sdr.Core.Listings;
using Sdr.Core.Profiles;
using Sdr.Core.Sourcing;

namespace Sdr.Tests.Unit.Sourcing;

public sealed class ProspectSourcerListingTests
{
    private static readonly ListingFacts Facts = new("L-1", "expired_mls", "Expired", 410_000m, 450_000m, 425_000m, 97, "Residential", "12 Oak Ave", "Dallas", "TX", "75201", null, null);

    [Fact]
    public async Task ReadAsync_ListingSourceWithAFeed_GivesEachStagedListingWithItsFactsAsHints()
    {
        var feed = new FakeListings([new ListingCandidate(7, "loc", "expired_mls", "+12149301234", "Ann", "Lee", null, null, Facts)]);

        var read = await Sourcer(feed).ReadAsync("loc", ProspectSources.ExpiredMls, 50);

        read.Error.ShouldBeNull();
        var candidate = read.Candidates.ShouldHaveSingleItem();
        candidate.Key.ShouldBe("listing:7");
        candidate.ListingId.ShouldBe(7);
        candidate.Facts.Phone.ShouldBe("+12149301234");
        candidate.Facts.Hints!.Listing.ShouldBe(Facts);
        feed.Asked.ShouldBe([("loc", "expired_mls", 50)]);
    }

    [Fact]
    public async Task ReadAsync_ListingSourceWithoutAFeed_ReportsNoListingFeedConfigured()
    {
        var read = await Sourcer(null).ReadAsync("loc", ProspectSources.Fsbo, 50);

        read.Error.ShouldBe(ProspectSourcer.NoListingFeed);
        read.Candidates.ShouldBeEmpty();
    }

    private static ProspectSourcer Sourcer(IListingCandidates? feed)
    {
        var services = new ServiceCollection();
        if (feed is not null)
        {
            services.AddSingleton(feed);
        }

        var provider = services.BuildServiceProvider();
        return new ProspectSourcer(
            provider.GetRequiredService<IServiceScopeFactory>(),
            null!,
            Options.Create(new ProspectingOptions()),
            Options.Create(new GhlSettingsOptions()),
            new FakeTimeProvider());
    }

    private sealed class FakeListings(IReadOnlyList<ListingCandidate> staged) : IListingCandidates
    {
        public List<(string Location, string Source, int Max)> Asked { get; } = [];

        public Task<IReadOnlyList<ListingCandidate>> ReadAsync(string locationId, string source, int max, CancellationToken cancellationToken = default)
        {
            Asked.Add((locationId, source, max));
            return Task.FromResult(staged);
        }

        public Task<GhlContact> UpsertOwnerAsync(ListingCandidate candidate, CancellationToken cancellationToken = default) =>
            Task.FromResult(new GhlContact { Id = "owner-" + candidate.ListingId, Phone = candidate.OwnerPhone });

        public Task MarkAsync(long listingId, string outcome, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
