using Microsoft.EntityFrameworkCore;
using Sdr.Core.Compliance.Consent;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Phones;

namespace Sdr.Core.Listings;

/// <summary>
/// Writes listings into <c>sdr_listings</c> a group at a time, in one transaction per group: a listing key
/// already staged for the location and source is updated (the same version again changes nothing), an owner
/// phone on the suppression ledger or the do-not-call list, missing, invalid or already staged for another
/// listing of the location is staged as excluded with the reason. Never one SaveChanges per row.
/// </summary>
public sealed class ListingStager(SdrDbContext db, SqliteWriteGate writeGate, TimeProvider time)
{
    private static readonly string SmsChannel = Channel.Sms.ToName();

    public async Task<ListingStageSummary> StageAsync(string locationId, string source, string batchId, IReadOnlyList<ListingRecord> records, CancellationToken cancellationToken)
    {
        var summary = new ListingStageSummary();
        if (records.Count == 0)
        {
            return summary;
        }

        // Within the group the latest version of a listing wins (a page or a file may hold one twice).
        var latest = new Dictionary<string, ListingRecord>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (!latest.TryGetValue(record.Facts.ListingKey, out var seen) || !IsOlder(record, seen))
            {
                latest[record.Facts.ListingKey] = record;
            }
        }

        var phones = latest.Values.ToDictionary(r => r.Facts.ListingKey, r => PhoneHash.ToE164(r.OwnerPhone), StringComparer.Ordinal);
        var hashes = phones.Values.OfType<string>().Select(PhoneHash.OfE164).Distinct(StringComparer.Ordinal).ToList();
        var keys = latest.Keys.ToList();

        using var held = await writeGate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.Listings
            .Where(l => l.LocationId == locationId && l.Source == source && keys.Contains(l.ListingKey))
            .ToDictionaryAsync(l => l.ListingKey, StringComparer.Ordinal, cancellationToken);
        var suppressions = await db.Suppressions.AsNoTracking()
            .Where(s => s.PhoneHash != null && hashes.Contains(s.PhoneHash))
            .Where(s => s.LocationId == null || s.LocationId == locationId)
            .Where(s => s.Channel == null || s.Channel == SmsChannel)
            .Select(s => new { s.PhoneHash, s.Source })
            .ToListAsync(cancellationToken);
        var suppressed = suppressions
            .GroupBy(s => s.PhoneHash!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Any(s => s.Source == SuppressionSources.DncImport) ? ListingExclusions.DoNotCall : ListingExclusions.Suppressed, StringComparer.Ordinal);
        var owners = await db.Listings.AsNoTracking()
            .Where(l => l.LocationId == locationId && l.OwnerPhoneHash != null && hashes.Contains(l.OwnerPhoneHash))
            .Where(l => l.State != ListingState.Excluded || l.StateReason != ListingExclusions.DuplicateOwner)
            .Select(l => new { l.OwnerPhoneHash, l.Source, l.ListingKey })
            .ToListAsync(cancellationToken);
        var ownerOf = new Dictionary<string, (string Source, string Key)>(StringComparer.Ordinal);
        foreach (var owner in owners)
        {
            ownerOf.TryAdd(owner.OwnerPhoneHash!, (owner.Source, owner.ListingKey));
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var record in latest.Values)
        {
            var key = record.Facts.ListingKey;
            var e164 = phones[key];
            var hash = e164 is null ? null : PhoneHash.OfE164(e164);
            var exclusion = Exclusion(record, e164, hash, suppressed, ownerOf, source);
            if (hash is not null && exclusion is null)
            {
                ownerOf.TryAdd(hash, (source, key));
            }

            if (existing.TryGetValue(key, out var row))
            {
                if (row.ModificationTimestamp is { } stored && record.Facts.ModificationTimestamp is { } incoming && incoming <= stored)
                {
                    summary.CountUnchanged();
                    continue;
                }

                Apply(row, record, e164, hash, batchId, now);
                if (row.State is ListingState.Staged || (row.State is ListingState.Excluded && ListingExclusions.IsRecomputed(row.StateReason)))
                {
                    SetExclusion(row, exclusion, now, summary);
                }

                summary.CountUpdated();
                continue;
            }

            var listing = new SdrListing { LocationId = locationId, Source = source, ListingKey = key, BatchId = batchId, ImportedAt = now };
            Apply(listing, record, e164, hash, batchId, now);
            SetExclusion(listing, exclusion, now, summary);
            db.Listings.Add(listing);
            summary.CountInserted();
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return summary;
    }

    private static bool IsOlder(ListingRecord candidate, ListingRecord than) =>
        candidate.Facts.ModificationTimestamp is { } a && than.Facts.ModificationTimestamp is { } b && a < b;

    private static string? Exclusion(
        ListingRecord record,
        string? e164,
        string? hash,
        Dictionary<string, string> suppressed,
        Dictionary<string, (string Source, string Key)> ownerOf,
        string source)
    {
        if (string.IsNullOrWhiteSpace(record.OwnerPhone))
        {
            return ListingExclusions.NoOwnerPhone;
        }

        if (e164 is null || hash is null)
        {
            return ListingExclusions.InvalidOwnerPhone;
        }

        if (suppressed.TryGetValue(hash, out var reason))
        {
            return reason;
        }

        return ownerOf.TryGetValue(hash, out var owner) && (owner.Source != source || owner.Key != record.Facts.ListingKey)
            ? ListingExclusions.DuplicateOwner
            : null;
    }

    private static void SetExclusion(SdrListing listing, string? exclusion, DateTime now, ListingStageSummary summary)
    {
        if (exclusion is null)
        {
            listing.Restage(now);
            return;
        }

        listing.Exclude(exclusion, now);
        summary.CountExcluded(exclusion);
    }

    private static void Apply(SdrListing row, ListingRecord record, string? e164, string? hash, string batchId, DateTime now)
    {
        var facts = record.Facts;
        row.StandardStatus = facts.StandardStatus;
        row.ListPrice = facts.ListPrice;
        row.OriginalListPrice = facts.OriginalListPrice;
        row.PreviousListPrice = facts.PreviousListPrice;
        row.DaysOnMarket = facts.DaysOnMarket;
        row.PropertyType = facts.PropertyType;
        row.UnparsedAddress = facts.UnparsedAddress;
        row.City = facts.City;
        row.StateOrProvince = facts.StateOrProvince;
        row.PostalCode = facts.PostalCode;
        row.ModificationTimestamp = facts.ModificationTimestamp;
        row.StatusChangeTimestamp = facts.StatusChangeTimestamp;
        row.OwnerFirstName = record.OwnerFirstName;
        row.OwnerLastName = record.OwnerLastName;
        row.OwnerEmail = record.OwnerEmail;
        row.OwnerPhone = e164;
        row.OwnerPhoneHash = hash;
        row.BatchId = batchId;
        row.UpdatedAt = now;
    }
}
