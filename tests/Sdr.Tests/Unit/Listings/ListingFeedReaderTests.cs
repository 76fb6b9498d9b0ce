using Sdr.Core.Listings;

namespace Sdr.Tests.Unit.Listings;

public sealed class ListingFeedReaderTests
{
    [Fact]
    public void FirstPage_OfAnExpiredFeed_FiltersTheStatusesAndOrdersByTimestampThenKey()
    {
        var feed = new ListingFeedOptions { LocationId = "loc", Source = ListingSources.ExpiredMls, Url = "https://mls.example/reso/odata/Property", PageSize = 50 };

        var url = Uri.UnescapeDataString(ListingFeedReader.FirstPage(feed, since: null).Query);

        url.ShouldBe("?$filter=(StandardStatus eq 'Expired' or StandardStatus eq 'Withdrawn' or StandardStatus eq 'Canceled')&$orderby=ModificationTimestamp,ListingKey&$top=50");
    }

    [Fact]
    public void FirstPage_AfterACheckpoint_AsksForTimestampsFromIt_WithTheFeedsOwnFilter()
    {
        var feed = new ListingFeedOptions { LocationId = "loc", Source = ListingSources.Fsbo, Url = "https://fsbo.example/odata/Property?dataset=tx", Filter = "ListAgentKey eq null", PageSize = 10 };

        var url = Uri.UnescapeDataString(ListingFeedReader.FirstPage(feed, new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc)).Query);

        url.ShouldBe("?dataset=tx&$filter=(ListAgentKey eq null) and ModificationTimestamp ge 2026-03-01T08:00:00.000Z&$orderby=ModificationTimestamp,ListingKey&$top=10");
    }
}
