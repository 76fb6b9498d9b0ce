using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Compliance.Conversations;

/// <summary>
/// Queues a conversational message (an answer, a STOP confirmation, a HELP reply, ...) in the caller's
/// unit of work; the same dedupe key is queued once. It goes out later through the outbound stages, on
/// the <see cref="OutboundMessageRunner"/>'s own loop, woken once the unit of work is saved
/// (committed, for a transaction's owner to signal).
/// </summary>
public sealed class OutboundMessageQueue(SdrDbContext db, OutboundMessageSignal signal, TimeProvider time)
{
    private bool _watching;

    /// <summary>Adds the message unless one with this key exists (saved or pending in this context). True when added.</summary>
    public async Task<bool> EnqueueAsync(
        MessagePurpose purpose,
        string locationId,
        string contactId,
        long? sequenceId,
        Channel channel,
        string body,
        string dedupeKey,
        CancellationToken cancellationToken,
        string? subject = null)
    {
        if (!purpose.IsConversational())
        {
            throw new ArgumentException("Cadence steps go through the sequence engine, not this queue.", nameof(purpose));
        }

        if (db.ChangeTracker.Entries<SdrOutboundMessage>().Any(e => e.Entity.DedupeKey == dedupeKey)
            || await db.OutboundMessages.AnyAsync(m => m.DedupeKey == dedupeKey, cancellationToken))
        {
            return false;
        }

        if (!_watching)
        {
            _watching = true;
            signal.SignalAfterSaves(db);
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.OutboundMessages.Add(new SdrOutboundMessage
        {
            Purpose = purpose,
            LocationId = locationId,
            ContactId = contactId,
            SequenceId = sequenceId,
            Channel = channel,
            Body = body,
            Subject = subject,
            DedupeKey = dedupeKey,
            Status = OutboundMessageStatus.Pending,
            NotBefore = now,
            ExpiresAt = now + purpose.SendWindow(),
            CreatedAt = now,
        });
        return true;
    }
}
