using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data;

/// <summary>
/// Storage of the GHL outbox (<c>sdr_ghl_actions</c>): the claims, the SQLite write gate and the
/// provider-specific SQL, so that the runner works on plain rows. Every call opens its own scope, so
/// calls may run concurrently. An action is claimed with one <c>UPDATE … RETURNING</c> that sets its
/// lease (<see cref="SdrGhlAction.ClaimedUntil"/>), before any call to GHL: on PostgreSQL the rows are picked <c>FOR UPDATE SKIP LOCKED</c>
/// and claims are taken one at a time across instances (a transaction-scoped advisory lock), on SQLite
/// (one instance) under the <see cref="SqliteWriteGate"/>.
/// </summary>
public sealed class OutboxStore(IServiceScopeFactory scopes, SqliteWriteGate gate, IOptions<DatabaseOptions> options)
{
    /// <summary>Key of the PostgreSQL advisory lock that serialises claims (any constant unique in the database).</summary>
    private const long ClaimLockKey = 0x5344_525F_4F42;

    /// <summary>
    /// Due pending actions (oldest first), none of a contact that has an earlier action claimed by
    /// someone else (so a contact's writes keep their order across instances). Each is leased until
    /// <paramref name="leaseUntil"/>.
    /// </summary>
    public async Task<IReadOnlyList<SdrGhlAction>> ClaimDueAsync(DateTime now, DateTime leaseUntil, int max, CancellationToken cancellationToken)
    {
        // Only a read first: an UPDATE takes SQLite's write lock even when it matches nothing.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        if (!await db.GhlActions.AnyAsync(a => a.Status == GhlActionStatus.Pending && a.NextAttemptAt <= now, cancellationToken))
        {
            return [];
        }

        var postgres = options.Value.Provider == DatabaseProvider.Postgres;
        var sql = $$"""
            UPDATE sdr_ghl_actions SET claimed_until = {1}
            WHERE id IN (
                SELECT a.id FROM sdr_ghl_actions a
                WHERE a.status = '{{GhlActionStatus.Pending}}' AND a.next_attempt_at <= {0}
                    AND NOT EXISTS (
                        SELECT 1 FROM sdr_ghl_actions e
                        WHERE e.contact_id = a.contact_id AND e.claimed_until IS NOT NULL AND e.claimed_until > {0}
                            AND e.location_id = a.location_id AND e.id <= a.id)
                ORDER BY a.next_attempt_at, a.id
                LIMIT {2}{{(postgres ? " FOR UPDATE SKIP LOCKED" : string.Empty)}})
            RETURNING *
            """;
        using (await gate.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [ClaimLockKey], cancellationToken);
            }

            var claimed = await db.GhlActions.FromSqlRaw(sql, now, leaseUntil, max).AsNoTracking().ToListAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return [.. claimed.OrderBy(a => a.Id)];
        }
    }

    /// <summary>
    /// Moves a claimed SMS DND write to <paramref name="until"/> (and releases its claim) if the contact's
    /// opt-out confirmation is still to go out: pending and not expired, or being sent under a live lease
    /// (GHL refuses to text a contact once SMS DND is set). One statement, so a confirmation settled meanwhile
    /// (which makes the write due) is never overtaken. True when it was moved.
    /// </summary>
    public async Task<bool> DeferWhileConfirmationWaitsAsync(SdrGhlAction action, DateTime now, DateTime until, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        var (id, contactId, locationId) = (action.Id, action.ContactId, action.LocationId);
        using (await gate.EnterAsync(cancellationToken))
        {
            return await db.GhlActions
                .Where(a => a.Id == id && db.OutboundMessages.Any(m => m.ContactId == contactId && m.LocationId == locationId && m.Purpose == MessagePurpose.OptOutConfirmation
                    && ((m.Status == OutboundMessageStatus.Pending && m.ExpiresAt > now) || (m.Status == OutboundMessageStatus.Sending && m.ClaimedUntil > now))))
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.NextAttemptAt, until).SetProperty(a => a.ClaimedUntil, (DateTime?)null), cancellationToken) > 0;
        }
    }

    /// <summary>Writes what became of a claimed action (status, attempts, next attempt, GHL's answer) and releases its claim; the payload is not written.</summary>
    public async Task SaveOutcomeAsync(SdrGhlAction action, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        using (await gate.EnterAsync(cancellationToken))
        {
            await db.GhlActions.Where(a => a.Id == action.Id).ExecuteUpdateAsync(
                set => set
                    .SetProperty(a => a.Status, action.Status)
                    .SetProperty(a => a.Attempts, action.Attempts)
                    .SetProperty(a => a.NextAttemptAt, action.NextAttemptAt)
                    .SetProperty(a => a.CompletedAt, action.CompletedAt)
                    .SetProperty(a => a.GhlMessageId, action.GhlMessageId)
                    .SetProperty(a => a.LastError, action.LastError)
                    .SetProperty(a => a.ClaimedUntil, (DateTime?)null),
                cancellationToken);
        }
    }
}
