using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Phones;

namespace Sdr.Core.Compliance.Consent;

/// <summary>The one query that says whether a contact (or its phone number) may be contacted on a channel.</summary>
public static class SuppressionLedger
{
    /// <summary>"source: reason" of the first matching suppression, or null when the contact may be contacted.</summary>
    /// <param name="phoneHash">The phone's <see cref="PhoneHash"/>, null when the phone is unknown.</param>
    public static async Task<string?> FindAsync(SdrDbContext db, string contactId, string locationId, string channel, string? phoneHash, CancellationToken cancellationToken) =>
        (await FindManyAsync(db, [new SuppressionLookup(contactId, locationId, channel, phoneHash)], cancellationToken))[0];

    /// <summary>
    /// <see cref="FindAsync"/> for a group of lookups with one query: per lookup, in order, "source:
    /// reason" of its first matching suppression (by id), or null.
    /// </summary>
    public static async Task<IReadOnlyList<string?>> FindManyAsync(SdrDbContext db, IReadOnlyList<SuppressionLookup> lookups, CancellationToken cancellationToken)
    {
        if (lookups.Count == 0)
        {
            return [];
        }

        var rows = await Candidates(db, lookups).ToListAsync(cancellationToken);

        var reasons = new string?[lookups.Count];
        for (var i = 0; i < lookups.Count; i++)
        {
            var (contactId, locationId, channel, phoneHash) = lookups[i];
            var match = rows.FirstOrDefault(s =>
                (s.ContactId == contactId || (phoneHash != null && s.PhoneHash == phoneHash))
                && (s.LocationId == null || s.LocationId == locationId)
                && (s.Channel == null || s.Channel == channel));
            reasons[i] = match is null ? null : match.Source + ": " + match.Reason;
        }

        return reasons;
    }

    /// <summary>Every suppression that may match one of the lookups, oldest first.</summary>
    internal static IQueryable<SuppressionMatch> Candidates(SdrDbContext db, IReadOnlyList<SuppressionLookup> lookups)
    {
        var contactIds = lookups.Select(l => l.ContactId).Distinct(StringComparer.Ordinal).ToList();
        var hashes = lookups.Select(l => l.PhoneHash).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var locationIds = lookups.Select(l => l.LocationId).Distinct(StringComparer.Ordinal).ToList();
        return db.Suppressions.AsNoTracking()
            .Where(s => (s.ContactId != null && contactIds.Contains(s.ContactId)) || (s.PhoneHash != null && hashes.Contains(s.PhoneHash)))
            .Where(s => s.LocationId == null || locationIds.Contains(s.LocationId))
            .OrderBy(s => s.Id)
            .Select(s => new SuppressionMatch(s.ContactId, s.PhoneHash, s.LocationId, s.Channel, s.Source, s.Reason));
    }
}

/// <summary>A suppression row as the ledger's lookups read it.</summary>
internal sealed record SuppressionMatch(string? ContactId, string? PhoneHash, string? LocationId, string? Channel, string Source, string Reason);

/// <summary>Who is about to be contacted, where and how; the phone's <see cref="PhoneHash"/> may be unknown.</summary>
public readonly record struct SuppressionLookup(string ContactId, string LocationId, string Channel, string? PhoneHash);
