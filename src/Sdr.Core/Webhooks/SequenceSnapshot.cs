using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Webhooks;

/// <summary>
/// Which of a batch's contacts have no sequence at all, from one read for the whole batch: a reply
/// from such a contact (most inbound messages in a busy location) needs no query of its own. A
/// contact is forgotten as soon as one of its events does anything, so a later event of the same
/// contact in the batch reads the database again.
/// </summary>
public sealed class SequenceSnapshot
{
    private readonly HashSet<(string ContactId, string LocationId)> _withoutSequence;

    private SequenceSnapshot(HashSet<(string, string)> withoutSequence) => _withoutSequence = withoutSequence;

    public static async Task<SequenceSnapshot> LoadAsync(SdrDbContext db, IReadOnlyCollection<SdrWebhookEvent> events, CancellationToken cancellationToken)
    {
        var candidates = events
            .Where(e => e.ContactId is not null && e.LocationId is not null)
            .Select(e => (e.ContactId!, e.LocationId!))
            .ToHashSet();
        if (candidates.Count == 0)
        {
            return new SequenceSnapshot([]);
        }

        var contactIds = candidates.Select(c => c.Item1).Distinct(StringComparer.Ordinal).ToList();
        var enrolled = await db.Sequences.AsNoTracking()
            .Where(s => contactIds.Contains(s.ContactId))
            .Select(s => new { s.ContactId, s.LocationId })
            .Distinct()
            .ToListAsync(cancellationToken);
        foreach (var sequence in enrolled)
        {
            candidates.Remove((sequence.ContactId, sequence.LocationId));
        }

        return new SequenceSnapshot(candidates);
    }

    /// <summary>True when the contact had no sequence in this location when the batch was read, and nothing since changed it.</summary>
    public bool HasNoSequence(string contactId, string locationId) => _withoutSequence.Contains((contactId, locationId));

    /// <summary>The contact's state may have changed: read it from the database from now on.</summary>
    public void Forget(string? contactId, string? locationId)
    {
        if (contactId is not null && locationId is not null)
        {
            _withoutSequence.Remove((contactId, locationId));
        }
    }
}
