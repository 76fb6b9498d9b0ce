using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data;

/// <summary>
/// Storage of the GHL outbox (<c>sdr_ghl_actions</c>): the claims, the SQLite write gate and the
/// provider-specific SQL, so that the runner works on plain rows. Every call opens its own scope, so
/// calls may run concurrently. An action is claimed with one <c>UPDATE … RETURNING</c> that sets its
/// lease (<see cref="SdrGhlAction.ClaimedUntil"/>) and marks a text <c>sending</c> with the same
/// write, before any call to GHL: on PostgreSQL the rows are picked <c>FOR UPDATE SKIP LOCKED</c>
/// and claims are taken one at a time across instances (a transaction-scoped advisory lock), on SQLite
/// (one instance) under the <see cref="SqliteWriteGate"/>.
/// </summary>
public sealed class OutboxStore(IServiceScopeFactory scopes, SqliteWriteGate gate, IOptions<DatabaseOptions> options)
{
    /// <summary>Key of the PostgreSQL advisory lock that serialises claims (any constant unique in the database).</summary>
    private const long ClaimLockKey = 0x5344_525F_4F42;

    private static readonly string Texts = string.Join(", ", new[] { GhlActionKinds.OptOutConfirmation, GhlActionKinds.HelpReply }.Select(k => $"'{k}'"));

    /// <summary>
    /// Due pending actions (oldest first), none of a contact that has an earlier action claimed by
    /// someone else (so a contact's writes keep their order across instances). Each is leased until
    /// <paramref name="leaseUntil"/>; a text is marked <c>sending</c> (handed over at <paramref name="now"/>).
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
            UPDATE sdr_ghl_actions SET
                status = CASE WHEN kind IN ({{Texts}}) THEN '{{GhlActionStatus.Sending}}' ELSE status END,
                next_attempt_at = CASE WHEN kind IN ({{Texts}}) THEN {0} ELSE next_attempt_at END,
                claimed_until = {1}
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

    /// <summary>Marks texts left <c>sending</c> since before <paramref name="handedOverBefore"/> failed with <paramref name="error"/>; they are never sent again.</summary>
    public async Task<int> FailStuckTextsAsync(DateTime handedOverBefore, string error, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        var stuck = db.GhlActions.Where(a => a.Status == GhlActionStatus.Sending && a.NextAttemptAt <= handedOverBefore);

        // Looked for first: an UPDATE takes SQLite's write lock even when it matches nothing, on every pass.
        if (!await stuck.AnyAsync(cancellationToken))
        {
            return 0;
        }

        using (await gate.EnterAsync(cancellationToken))
        {
            return await stuck.ExecuteUpdateAsync(
                set => set.SetProperty(a => a.Status, GhlActionStatus.Failed).SetProperty(a => a.LastError, error).SetProperty(a => a.ClaimedUntil, (DateTime?)null),
                cancellationToken);
        }
    }

    /// <summary>
    /// Whether an opt-out confirmation for this contact, created after <paramref name="createdAfter"/>, is
    /// still waiting or on its way (handed over after <paramref name="handedOverAfter"/>).
    /// </summary>
    public async Task<bool> ConfirmationWaitingAsync(string locationId, string contactId, DateTime createdAfter, DateTime handedOverAfter, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        return await db.GhlActions.AnyAsync(
            a => a.ContactId == contactId && a.LocationId == locationId && a.Kind == GhlActionKinds.OptOutConfirmation && a.CreatedAt > createdAfter
                && (a.Status == GhlActionStatus.Pending || (a.Status == GhlActionStatus.Sending && a.NextAttemptAt > handedOverAfter)),
            cancellationToken);
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
