using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data;

/// <summary>
/// Storage of conversational messages (<c>sdr_outbound_messages</c>): their claims, the SQLite write
/// gate and the provider-specific SQL, so that the runner works on plain rows. One per scope, over the
/// scope's <see cref="SdrDbContext"/> (the reservation joins the outbound stages' transaction). A message
/// is claimed with one <c>UPDATE … RETURNING</c> that sets its lease (<see cref="SdrOutboundMessage.ClaimedUntil"/>):
/// on PostgreSQL the rows are picked <c>FOR UPDATE SKIP LOCKED</c>, on SQLite (one instance) under the
/// <see cref="SqliteWriteGate"/>; it is then reserved (<c>sending</c>) only while that lease is still its own.
/// </summary>
public sealed class OutboundMessageStore(SdrDbContext db, SqliteWriteGate gate, IOptions<DatabaseOptions> options)
{
    private static readonly string Pending = OutboundMessageStatus.Pending.ToName();

    /// <summary>Marks pending messages whose window closed at or before <paramref name="now"/> expired: they are never sent.</summary>
    public async Task<int> ExpireAsync(DateTime now, string reason, CancellationToken cancellationToken)
    {
        var late = db.OutboundMessages.Where(m => m.Status == OutboundMessageStatus.Pending && m.ExpiresAt != null && m.ExpiresAt <= now);

        // Looked for first: an UPDATE takes SQLite's write lock even when it matches nothing, on every pass.
        if (!await late.AnyAsync(cancellationToken))
        {
            return 0;
        }

        using (await gate.EnterAsync(cancellationToken))
        {
            return await late.ExecuteUpdateAsync(
                set => set.SetProperty(m => m.Status, OutboundMessageStatus.Expired).SetProperty(m => m.Reason, reason).SetProperty(m => m.ClaimedUntil, (DateTime?)null),
                cancellationToken);
        }
    }

    /// <summary>Marks messages left <c>sending</c> past their lease (a crash mid-call) unknown: GHL may have them, they are never sent again.</summary>
    public async Task<int> MarkLostAsync(DateTime now, string reason, CancellationToken cancellationToken)
    {
        var lost = db.OutboundMessages.Where(m => m.Status == OutboundMessageStatus.Sending && m.ClaimedUntil <= now);
        if (!await lost.AnyAsync(cancellationToken))
        {
            return 0;
        }

        using (await gate.EnterAsync(cancellationToken))
        {
            return await lost.ExecuteUpdateAsync(
                set => set.SetProperty(m => m.Status, OutboundMessageStatus.Unknown).SetProperty(m => m.Reason, reason).SetProperty(m => m.ClaimedUntil, (DateTime?)null),
                cancellationToken);
        }
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> due pending messages (oldest first, none expired, none another
    /// worker holds) until <paramref name="leaseUntil"/>. The rows come back untracked.
    /// </summary>
    public async Task<IReadOnlyList<SdrOutboundMessage>> ClaimDueAsync(DateTime now, DateTime leaseUntil, int max, CancellationToken cancellationToken)
    {
        if (!await db.OutboundMessages.AnyAsync(m => m.Status == OutboundMessageStatus.Pending && m.NotBefore <= now, cancellationToken))
        {
            return [];
        }

        var postgres = options.Value.Provider == DatabaseProvider.Postgres;
        var claimable = $"status = '{Pending}' AND not_before <= {{0}} AND (claimed_until IS NULL OR claimed_until <= {{0}}) AND (expires_at IS NULL OR expires_at > {{0}})";
        var sql = $$"""
            UPDATE sdr_outbound_messages SET claimed_until = {1}
            WHERE {{claimable}} AND id IN (
                SELECT id FROM sdr_outbound_messages
                WHERE {{claimable}}
                ORDER BY not_before, id
                LIMIT {2}{{(postgres ? " FOR UPDATE SKIP LOCKED" : string.Empty)}})
            RETURNING *
            """;
        using (await gate.EnterAsync(cancellationToken))
        {
            var claimed = await db.OutboundMessages.FromSqlRaw(sql, now, leaseUntil, max).AsNoTracking().ToListAsync(cancellationToken);
            return [.. claimed.OrderBy(m => m.NotBefore).ThenBy(m => m.Id)];
        }
    }

    /// <summary>
    /// Reserves claimed messages before their GHL call: each becomes <c>sending</c> if it is still pending and
    /// still under this claim's lease. Runs inside the outbound stages' transaction (the caller holds the
    /// write gate): which were reserved, in order.
    /// </summary>
    public async Task<IReadOnlyList<bool>> ReserveAsync(IReadOnlyList<long> ids, DateTime leaseUntil, CancellationToken cancellationToken)
    {
        var reserved = new bool[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i];
            reserved[i] = await db.OutboundMessages
                .Where(m => m.Id == id && m.Status == OutboundMessageStatus.Pending && m.ClaimedUntil == leaseUntil)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, OutboundMessageStatus.Sending), cancellationToken) == 1;
        }

        return reserved;
    }

    /// <summary>Gives up the claims of messages a failed pass did not reserve, so the next pass takes them at once.</summary>
    public async Task ReleaseClaimsAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(cancellationToken))
        {
            await db.OutboundMessages
                .Where(m => ids.Contains(m.Id) && m.Status == OutboundMessageStatus.Pending)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimedUntil, (DateTime?)null), cancellationToken);
        }
    }

    /// <summary>The stored prospects of these contacts: where each recipient is, for the hours and caps stages.</summary>
    public async Task<IReadOnlyList<SdrProspect>> ProspectsOfAsync(IReadOnlyCollection<string> contactIds, CancellationToken cancellationToken) =>
        await db.Prospects.AsNoTracking().Where(p => contactIds.Contains(p.ContactId)).ToListAsync(cancellationToken);

    /// <summary>
    /// Writes what became of a claimed message and releases its claim (the body is not written). Once an
    /// opt-out confirmation is settled, the contact's SMS DND write that waits for it is made due at once,
    /// in the same transaction.
    /// </summary>
    public async Task SaveOutcomeAsync(SdrOutboundMessage message, DateTime now, CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.OutboundMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(
                set => set
                    .SetProperty(m => m.Status, message.Status)
                    .SetProperty(m => m.Attempts, message.Attempts)
                    .SetProperty(m => m.NotBefore, message.NotBefore)
                    .SetProperty(m => m.GhlMessageId, message.GhlMessageId)
                    .SetProperty(m => m.Reason, message.Reason)
                    .SetProperty(m => m.SentAt, message.SentAt)
                    .SetProperty(m => m.ClaimedUntil, (DateTime?)null),
                cancellationToken);
            if (message.Purpose == MessagePurpose.OptOutConfirmation && message.Status != OutboundMessageStatus.Pending)
            {
                await db.GhlActions
                    .Where(a => a.ContactId == message.ContactId && a.LocationId == message.LocationId && a.Kind == GhlActionKinds.SetSmsDnd
                        && a.Status == GhlActionStatus.Pending && a.NextAttemptAt > now)
                    .ExecuteUpdateAsync(set => set.SetProperty(a => a.NextAttemptAt, now), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }
}
