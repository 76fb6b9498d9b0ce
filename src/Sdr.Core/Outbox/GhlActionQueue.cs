using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Outbox;

/// <summary>
/// Queues writes to GHL in the caller's unit of work; the same dedupe key is queued once. Once that
/// unit of work is saved (committed, for a transaction's owner to signal), this instance's outbox
/// worker is woken (<see cref="OutboxSignal"/>).
/// </summary>
public sealed class GhlActionQueue(SdrDbContext db, OutboxSignal signal, TimeProvider time)
{
    private bool _watching;

    /// <summary>Adds the action unless one with this key exists (saved or pending in this context). True when added.</summary>
    public async Task<bool> EnqueueAsync(string kind, string locationId, string contactId, string dedupeKey, string? payload, CancellationToken cancellationToken)
    {
        if (db.ChangeTracker.Entries<SdrGhlAction>().Any(e => e.Entity.DedupeKey == dedupeKey)
            || await db.GhlActions.AnyAsync(a => a.DedupeKey == dedupeKey, cancellationToken))
        {
            return false;
        }

        if (!_watching)
        {
            _watching = true;
            signal.SignalAfterSaves(db);
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.GhlActions.Add(new SdrGhlAction
        {
            Kind = kind,
            LocationId = locationId,
            ContactId = contactId,
            DedupeKey = dedupeKey,
            Payload = payload,
            Status = GhlActionStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        });
        return true;
    }
}
