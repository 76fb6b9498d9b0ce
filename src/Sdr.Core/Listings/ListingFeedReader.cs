using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Listings;

/// <summary>What one read of a feed did: pages read, listings staged, and where the checkpoint now is.</summary>
public sealed record ListingFeedReadResult(int Pages, int Listings, ListingStageSummary Staged, DateTime? CheckpointTimestamp, string? CheckpointKey);

/// <summary>
/// Reads a location's RESO feed from its checkpoint: <c>$filter</c> on the source's statuses and
/// <c>ModificationTimestamp ge</c> the last one seen, <c>$orderby=ModificationTimestamp,ListingKey</c>,
/// <c>$top</c>, then every <c>@odata.nextLink</c> (a link already read in this pass stops the read with an
/// error). Each page is staged and the checkpoint saved before the next page is asked for, so a read cut off
/// half-way continues where it stopped; a page served twice changes nothing.
/// </summary>
public sealed partial class ListingFeedReader(
    SdrDbContext db,
    ResoFeedClient client,
    ListingStager stager,
    IOptions<ListingsOptions> options,
    TimeProvider time,
    ILogger<ListingFeedReader> logger)
{
    /// <summary>The filter of an <c>expired_mls</c> feed that names none.</summary>
    public const string ExpiredFilter = "(StandardStatus eq 'Expired' or StandardStatus eq 'Withdrawn' or StandardStatus eq 'Canceled')";

    public async Task<ListingFeedReadResult> ReadAsync(ListingFeedOptions feed, CancellationToken cancellationToken)
    {
        var checkpoint = await db.ListingFeedCheckpoints
            .FirstOrDefaultAsync(c => c.LocationId == feed.LocationId && c.Source == feed.Source, cancellationToken);
        if (checkpoint is null)
        {
            checkpoint = new SdrListingFeedCheckpoint { LocationId = feed.LocationId, Source = feed.Source };
            db.ListingFeedCheckpoints.Add(checkpoint);
        }

        var batchId = "feed-" + time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var summary = new ListingStageSummary();
        var seenLinks = new HashSet<string>(StringComparer.Ordinal);
        Uri? url = FirstPage(feed, checkpoint.LastModificationTimestamp);
        int pages = 0, listings = 0;
        while (url is not null && pages < options.Value.FeedMaxPages)
        {
            if (!seenLinks.Add(url.AbsoluteUri))
            {
                LogLoop(logger, feed.LocationId, feed.Source, pages);
                throw new ResoFeedException($"the RESO feed of location {feed.LocationId} ({feed.Source}) sent a nextLink it had already sent ({url.GetLeftPart(UriPartial.Path)}, after {pages} page(s)): the read stopped; the {listings} listing(s) before it are staged and the checkpoint kept");
            }

            var page = await client.GetPageAsync(feed, url, cancellationToken);
            pages++;
            var records = (page.Value ?? [])
                .Select(p => ResoPropertyMapper.Map(p, feed.Source))
                .OfType<ListingRecord>()
                .Where(r => IsAfter(r, checkpoint))
                .ToList();
            listings += records.Count;
            if (records.Count > 0)
            {
                summary.Add(await stager.StageAsync(feed.LocationId, feed.Source, batchId, records, cancellationToken));

                // Staging saves its batch and clears the change tracker: track the checkpoint again, or its move is lost.
                if (db.Entry(checkpoint).State == EntityState.Detached)
                {
                    db.Attach(checkpoint);
                }
                var last = records
                    .OrderBy(r => r.Facts.ModificationTimestamp)
                    .ThenBy(r => r.Facts.ListingKey, StringComparer.Ordinal)
                    .Last();
                checkpoint.LastModificationTimestamp = last.Facts.ModificationTimestamp ?? checkpoint.LastModificationTimestamp;
                checkpoint.LastListingKey = last.Facts.ListingKey;
            }

            checkpoint.UpdatedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            url = string.IsNullOrWhiteSpace(page.NextLink) ? null : new Uri(url, page.NextLink);
        }

        LogRead(logger, feed.LocationId, feed.Source, pages, listings, summary.Inserted, summary.Updated);
        return new ListingFeedReadResult(pages, listings, summary, checkpoint.LastModificationTimestamp, checkpoint.LastListingKey);
    }

    internal static Uri FirstPage(ListingFeedOptions feed, DateTime? since)
    {
        var filter = string.IsNullOrWhiteSpace(feed.Filter) ? ExpiredFilter : "(" + feed.Filter.Trim() + ")";
        if (since is { } at)
        {
            // ge, not gt: listings of the same second as the checkpoint but a later key are still due.
            filter += " and ModificationTimestamp ge " + at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }

        var separator = feed.Url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var query = "$filter=" + Uri.EscapeDataString(filter)
            + "&$orderby=" + Uri.EscapeDataString("ModificationTimestamp,ListingKey")
            + "&$top=" + feed.PageSize.ToString(CultureInfo.InvariantCulture);
        return new Uri(feed.Url + separator + query);
    }

    /// <summary>After the checkpoint in (ModificationTimestamp, ListingKey) order; a listing without a timestamp always is.</summary>
    private static bool IsAfter(ListingRecord record, SdrListingFeedCheckpoint checkpoint)
    {
        if (checkpoint.LastModificationTimestamp is not { } last || record.Facts.ModificationTimestamp is not { } at)
        {
            return true;
        }

        return at > last || (at == last && string.CompareOrdinal(record.Facts.ListingKey, checkpoint.LastListingKey) > 0);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listing feed of {LocationId} ({Source}): {Pages} page(s), {Listings} listing(s), {Inserted} new, {Updated} changed")]
    private static partial void LogRead(ILogger logger, string locationId, string source, int pages, int listings, int inserted, int updated);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing feed of {LocationId} ({Source}) sent a nextLink already read after {Pages} page(s); the read stopped")]
    private static partial void LogLoop(ILogger logger, string locationId, string source, int pages);
}
