using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Phones;

namespace Sdr.Server.Dashboard;

public sealed record ContactSearch(string? Query, string? LocationId, string? State, int Page);

/// <summary>One contact in the list: who, where its latest sequence stands, how far it got.</summary>
public sealed record ContactRow(
    string ContactId,
    string LocationId,
    string? FirstName,
    string? Phone,
    DateTimeOffset EnrolledAt,
    string? CurrentStep,
    string Status,
    int Replies,
    DateTimeOffset? NextTouchAt);

public sealed record ContactPage(IReadOnlyList<ContactRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The contacts list. Phones are Fernet-encrypted at rest, so a phone is found through its lookup hash
/// (<see cref="PhoneHash"/>, the same one the suppression ledger uses), a contact id by its prefix, and a name by
/// the stored first name; only the page shown is decrypted.
/// </summary>
public sealed class ContactDirectory(SdrDbContext db)
{
    public const int PageSize = 25;

    public static readonly IReadOnlyList<string> States = ["active", "paused", "replied", "ended"];

    public async Task<ContactPage> SearchAsync(ContactSearch search, CancellationToken cancellationToken)
    {
        var prospects = db.Prospects.AsNoTracking();
        if (!string.IsNullOrEmpty(search.LocationId))
        {
            prospects = prospects.Where(p => p.LocationId == search.LocationId);
        }

        if (search.Query?.Trim() is { Length: > 0 } query)
        {
            var phoneHash = PhoneHash.Of(query);
            var lower = query.ToLowerInvariant();
            prospects = prospects.Where(p =>
                p.ContactId.StartsWith(query)
                || (phoneHash != null && p.PhoneHash == phoneHash)
                || (p.FirstName != null && p.FirstName.ToLower().Contains(lower)));
        }

        var sequences = db.Sequences.AsNoTracking();
        prospects = search.State switch
        {
            "active" => prospects.Where(p => sequences.Any(s => s.ContactId == p.ContactId && s.LocationId == p.LocationId && s.IsActive && s.PausedAt == null)),
            "paused" => prospects.Where(p => sequences.Any(s => s.ContactId == p.ContactId && s.LocationId == p.LocationId && s.IsActive && s.PausedAt != null)),
            "replied" => prospects.Where(p => sequences.Any(s => s.ContactId == p.ContactId && s.LocationId == p.LocationId && s.ReplyCount > 0)),
            "ended" => prospects.Where(p => !sequences.Any(s => s.ContactId == p.ContactId && s.LocationId == p.LocationId && s.IsActive)),
            _ => prospects,
        };

        var total = await prospects.CountAsync(cancellationToken);
        var page = Math.Clamp(search.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var shown = await prospects
            .OrderByDescending(p => p.EnrolledAt).ThenByDescending(p => p.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);

        var contactIds = shown.Select(p => p.ContactId).ToList();
        var latest = (await sequences.Where(s => contactIds.Contains(s.ContactId)).ToListAsync(cancellationToken))
            .GroupBy(s => (s.ContactId, s.LocationId))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.IsActive).ThenByDescending(s => s.EnrolledAt).ThenByDescending(s => s.Id).First());

        var rows = shown.Select(p =>
        {
            var sequence = latest.GetValueOrDefault((p.ContactId, p.LocationId));
            return new ContactRow(
                p.ContactId,
                p.LocationId,
                p.FirstName,
                p.Phone,
                DashboardTime.Utc(p.EnrolledAt),
                sequence?.CurrentStep.ToName(),
                StatusOf(sequence),
                sequence?.ReplyCount ?? 0,
                sequence?.NextTouchAt is { } next ? DashboardTime.Utc(next) : null);
        }).ToList();
        return new ContactPage(rows, total, page, PageSize);
    }

    /// <summary>Where a sequence stands, in words: active, paused (a conversation), or how it ended.</summary>
    public static string StatusOf(SdrOutreachSequence? sequence) => sequence switch
    {
        null => "no sequence",
        { IsActive: true, IsPaused: true } => "paused",
        { IsActive: true } => "active",
        _ => "ended: " + (sequence.EndReason ?? sequence.CurrentStep.ToName()),
    };
}
