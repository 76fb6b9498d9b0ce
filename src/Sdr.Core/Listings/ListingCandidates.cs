using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.GoHighLevel;
using Sdr.Core.Profiles;

namespace Sdr.Core.Listings;

/// <summary>
/// <see cref="IListingCandidates"/> over <c>sdr_listings</c>. <see cref="ReadAsync"/> reads the location's
/// feed first; a feed that fails is logged and the listings already staged are still offered.
/// <see cref="UpsertOwnerAsync"/> throws <see cref="OwnerUpsertBudgetExhaustedException"/> when the
/// location's daily budget is spent. <see cref="MarkAsync"/> takes <c>enrolled</c>, <c>staged</c> (offer it
/// again later) or any other text as the reason the listing was skipped.
/// </summary>
public sealed partial class ListingCandidates(
    SdrDbContext db,
    ListingFeedReader feedReader,
    IGoHighLevelClient ghl,
    IOptions<ListingsOptions> options,
    TimeProvider time,
    ILogger<ListingCandidates> logger) : IListingCandidates
{
    public const string Enrolled = "enrolled";
    public const string Restaged = "staged";

    public async Task<IReadOnlyList<ListingCandidate>> ReadAsync(string locationId, string source, int max, CancellationToken cancellationToken = default)
    {
        if (!ListingSources.IsKnown(source))
        {
            throw new ArgumentException($"'{source}' is not a listing source ({string.Join(", ", ListingSources.All)}).", nameof(source));
        }

        if (options.Value.FeedFor(locationId, source) is { } feed)
        {
            try
            {
                await feedReader.ReadAsync(feed, cancellationToken);
            }
            catch (ResoFeedException exception)
            {
                LogFeedFailed(logger, locationId, source, exception.Message);
            }
        }

        var rows = await db.Listings.AsNoTracking()
            .Where(l => l.LocationId == locationId && l.Source == source && (l.State == ListingState.Staged || l.State == ListingState.Upserted))
            .OrderBy(l => l.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
        return rows.Select(ToCandidate).ToList();
    }

    public async Task<GhlContact> UpsertOwnerAsync(ListingCandidate candidate, CancellationToken cancellationToken = default)
    {
        var listing = await db.Listings.FirstOrDefaultAsync(l => l.Id == candidate.ListingId, cancellationToken)
            ?? throw new ArgumentException($"listing {candidate.ListingId} is not staged", nameof(candidate));
        if (listing.ContactId is { } known)
        {
            return StoredContact(listing, known);
        }

        if (listing.State is not ListingState.Staged || listing.OwnerPhone is null)
        {
            throw new InvalidOperationException($"listing {listing.Id} is {listing.State.ToName()} ({listing.StateReason}): its owner is not upserted");
        }

        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var dayStart = now.Date;
        var upsertedToday = await db.Listings.CountAsync(l => l.LocationId == listing.LocationId && l.UpsertedAt >= dayStart, cancellationToken);
        if (upsertedToday >= settings.MaxOwnerUpsertsPerDay)
        {
            throw new OwnerUpsertBudgetExhaustedException(listing.LocationId, $"location {listing.LocationId} has upserted {upsertedToday} listing owner(s) today, its daily budget (sdr:listings:max_owner_upserts_per_day = {settings.MaxOwnerUpsertsPerDay})");
        }

        var upsert = new GhlContactUpsert(listing.OwnerFirstName, listing.OwnerLastName, listing.OwnerPhone, listing.OwnerEmail, Source: "sdr " + listing.Source, State: listing.StateOrProvince, Tags: SourceTags(listing.Source))
        {
            Address1 = listing.UnparsedAddress,
            City = listing.City,
            PostalCode = listing.PostalCode,
            CustomFields = CustomFields(listing, settings.CustomFields),
        };
        GhlContact contact;
        try
        {
            contact = await ghl.UpsertContactAsync(listing.LocationId, upsert, cancellationToken);
        }
        catch (GhlApiException exception) when (exception.StatusCode == HttpStatusCode.TooManyRequests && exception.Message.Contains("daily", StringComparison.OrdinalIgnoreCase))
        {
            throw new OwnerUpsertBudgetExhaustedException(listing.LocationId, $"location {listing.LocationId} has used up its daily GHL request limit", exception);
        }

        listing.Upserted(contact.Id, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return contact;
    }

    public async Task MarkAsync(long listingId, string outcome, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        var listing = await db.Listings.FirstOrDefaultAsync(l => l.Id == listingId, cancellationToken)
            ?? throw new ArgumentException($"listing {listingId} is not staged", nameof(listingId));
        var now = time.GetUtcNow().UtcDateTime;
        switch (outcome)
        {
            case Enrolled:
                listing.Enrolled(now);
                break;
            case Restaged when listing.ContactId is { } contactId:
                listing.Upserted(contactId, listing.UpsertedAt ?? now);
                break;
            case Restaged:
                listing.Restage(now);
                break;
            default:
                listing.Skip(outcome.Length > 200 ? outcome[..200] : outcome, now);
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    internal static ListingCandidate ToCandidate(SdrListing l) => new(
        l.Id,
        l.LocationId,
        l.Source,
        l.OwnerPhone!,
        l.OwnerFirstName,
        l.OwnerLastName,
        l.OwnerEmail,
        l.ContactId,
        new ListingFacts(
            l.ListingKey,
            l.Source,
            l.StandardStatus,
            l.ListPrice,
            l.OriginalListPrice,
            l.PreviousListPrice,
            l.DaysOnMarket,
            l.PropertyType,
            l.UnparsedAddress,
            l.City,
            l.StateOrProvince,
            l.PostalCode,
            l.ModificationTimestamp,
            l.StatusChangeTimestamp));

    /// <summary>The facts to send, by the custom field ids in config; an empty id or an unknown value is not sent.</summary>
    internal static IReadOnlyList<GhlCustomFieldValue> CustomFields(SdrListing listing, IReadOnlyDictionary<string, string> ids)
    {
        var values = new List<GhlCustomFieldValue>();
        foreach (var (fact, id) in ids)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                continue;
            }

            object? value = fact.ToLowerInvariant() switch
            {
                ListingFields.ListingKey => listing.ListingKey,
                ListingFields.StandardStatus => listing.StandardStatus,
                ListingFields.ListPrice => listing.ListPrice,
                ListingFields.OriginalListPrice => listing.OriginalListPrice,
                ListingFields.PreviousListPrice => listing.PreviousListPrice,
                ListingFields.DaysOnMarket => listing.DaysOnMarket,
                ListingFields.PropertyType => listing.PropertyType,
                ListingFields.StatusChangeTimestamp => listing.StatusChangeTimestamp?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => null,
            };
            if (value is not null)
            {
                values.Add(new GhlCustomFieldValue(id.Trim(), value));
            }
        }

        return values;
    }

    private IReadOnlyList<string>? SourceTags(string source) =>
        options.Value.SourceTags.TryGetValue(source, out var tag) && !string.IsNullOrWhiteSpace(tag) ? [tag.Trim()] : null;

    private GhlContact StoredContact(SdrListing listing, string contactId) => new()
    {
        Id = contactId,
        LocationId = listing.LocationId,
        FirstName = listing.OwnerFirstName,
        LastName = listing.OwnerLastName,
        Email = listing.OwnerEmail,
        Phone = listing.OwnerPhone,
        State = listing.StateOrProvince,
        PostalCode = listing.PostalCode,
        Source = "sdr " + listing.Source,
        Tags = SourceTags(listing.Source) ?? [],
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing feed of {LocationId} ({Source}) was not read; the listings already staged are offered: {Reason}")]
    private static partial void LogFeedFailed(ILogger logger, string locationId, string source, string reason);
}
