using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data;

/// <summary>
/// The cadence's unit of work: the claims of due sequences, the transaction that checks and reserves a
/// group of touches, the save of their outcomes, and the SQL the outbound stages read with. It alone
/// holds <see cref="SqliteWriteGate"/> for the cadence (the engine, the outbound pipeline and the
/// scheduler decide; this writes). One per scope, over the scope's <see cref="SdrDbContext"/>.
/// </summary>
public sealed class CadenceStore(SdrDbContext db, SqliteWriteGate writeGate)
{
    /// <summary>
    /// Due and unclaimed. The subquery's form (<c>is_active = TRUE</c>) lets SQLite walk the due index in
    /// next_touch_at order and stop after the batch; the bare column made it skip-scan every due row and
    /// sort them all, batch after batch. The UPDATE's own re-check keeps the bare form so that SQLite
    /// reaches the picked rows by id instead of walking the due index again (and without location_id,
    /// which never changes, for the same reason).
    /// </summary>
    private const string DueCondition = "next_touch_at <= {2} AND (claimed_until IS NULL OR claimed_until < {2})";

    internal const string ClaimSql = $$"""
        UPDATE sdr_outreach_sequences SET claim_token = {0}, claimed_until = {1}
        WHERE is_active AND {{DueCondition}} AND id IN (
            SELECT id FROM sdr_outreach_sequences WHERE is_active = TRUE AND {{DueCondition}} ORDER BY next_touch_at, id LIMIT {3})
        RETURNING id
        """;

    internal const string ClaimForLocationSql = $$"""
        UPDATE sdr_outreach_sequences SET claim_token = {0}, claimed_until = {1}
        WHERE is_active AND {{DueCondition}} AND id IN (
            SELECT id FROM sdr_outreach_sequences WHERE location_id = {4} AND is_active = TRUE AND {{DueCondition}} ORDER BY next_touch_at, id LIMIT {3})
        RETURNING id
        """;

    // The names are the seed's (see SdrOutreachTouchConfiguration); the index is ux_sdr_outreach_touches_idempotency.
    private const string DayTouchesSql = """
        SELECT contact_id, sequence_id, step FROM sdr_outreach_touches
        WHERE contact_id IN (SELECT value FROM json_each(@contacts)) AND touch_date = @day AND location_id = @location AND status <> 'failed'
        """;

    // The webhook endpoints (WebhookEndpointNames.Reply and .OptOut) whose pending events hold a contact's touches.
    private static readonly string[] InboundEndpoints = ["reply", "opt-out"];

    /// <summary>
    /// Whether the per-contact daily cap is counted from the touches themselves (<see cref="TouchesOfDayAsync"/>):
    /// on SQLite, where the write gate makes the read and the reservation one step; elsewhere a counter keeps it.
    /// </summary>
    public bool CountsDailyCapFromTouches => db.Database.IsSqlite();

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due sequences (of one location, or of all) for
    /// <paramref name="lease"/>: one statement claims and names the claimed rows (UPDATE … RETURNING, in
    /// SQLite and PostgreSQL alike), so no index on claim_token is kept up to date on every claim and
    /// release. The due condition is repeated on the UPDATE itself so that PostgreSQL re-checks it on rows
    /// a concurrent claimer has just taken (they then drop out); SQLite serialises writers anyway.
    /// </summary>
    public async Task<IReadOnlyList<long>> ClaimDueAsync(Guid claimToken, int batchSize, string? locationId, DateTime now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var sql = locationId is null ? ClaimSql : ClaimForLocationSql;
        var parameters = locationId is null
            ? new object[] { claimToken, now.Add(lease), now, batchSize }
            : [claimToken, now.Add(lease), now, batchSize, locationId];
        using (await writeGate.EnterAsync(cancellationToken))
        {
            return await db.Database.SqlQuery<long>(FormattableStringFactory.Create(sql, parameters)).ToListAsync(cancellationToken);
        }
    }

    /// <summary>Claims one active sequence unless another worker holds it: true when claimed.</summary>
    public async Task<bool> ClaimAsync(long sequenceId, Guid claimToken, DateTime now, TimeSpan lease, CancellationToken cancellationToken) =>
        await db.Sequences
            .Where(s => s.Id == sequenceId && s.IsActive && (s.ClaimedUntil == null || s.ClaimedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ClaimToken, claimToken).SetProperty(s => s.ClaimedUntil, now.Add(lease)), cancellationToken) > 0;

    /// <summary>
    /// Runs <paramref name="checkAndReserve"/> (the outbound stages' checks and the reservations) in one
    /// transaction under the write gate, committed before any GHL call: counters kept in the database then
    /// cost one commit per group instead of one per statement, and a failure leaves no unit taken and
    /// nothing reserved.
    /// </summary>
    public async Task<T> CheckAndReserveAsync<T>(Func<CancellationToken, Task<T>> checkAndReserve, CancellationToken cancellationToken)
    {
        using (await writeGate.EnterAsync(cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var result = await checkAndReserve(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
    }

    /// <summary>
    /// Saves the reserved <paramref name="touches"/> and nothing else: the context's other pending changes
    /// (the sequences the engine is moving) are left for <see cref="SaveOutcomesAsync"/>. Called inside
    /// <see cref="CheckAndReserveAsync{T}"/>; a failure (a unique violation when another worker reserved
    /// the same step) rolls back to EF's savepoint, so the transaction stays usable.
    /// </summary>
    public async Task SaveReservationsAsync(IEnumerable<SdrOutreachTouch> touches, CancellationToken cancellationToken)
    {
        var tracker = db.ChangeTracker;
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        var targets = new HashSet<object>(touches, ReferenceEqualityComparer.Instance);
        var held = new List<HeldChange>();
        try
        {
            foreach (var touch in targets)
            {
                db.Entry(touch).DetectChanges();
            }

            // Entries() detects no changes while AutoDetectChangesEnabled is off: the sequences changed since they
            // were read are still Unchanged here unless someone detected changes earlier; those are set aside.
            foreach (var entry in tracker.Entries())
            {
                if (!targets.Contains(entry.Entity) && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                {
                    held.Add(HeldChange.SetAside(entry));
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            foreach (var change in held)
            {
                change.Restore();
            }

            tracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>
    /// Saves every pending change of the scope (the engine's outcomes: touches, sequences, decisions). The
    /// changes are detected before the write gate is taken, so that other writers wait only for the statements.
    /// </summary>
    public async Task SaveOutcomesAsync(CancellationToken cancellationToken)
    {
        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            using (await writeGate.EnterAsync(cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>
    /// The contacts among <paramref name="contactIds"/> with an inbound message or opt-out still waiting in
    /// the webhook inbox (a STOP that has arrived must not be outrun by a touch).
    /// </summary>
    public async Task<IReadOnlySet<string>> ContactsWithPendingInboundAsync(IReadOnlyCollection<string> contactIds, CancellationToken cancellationToken) =>
        (await db.WebhookEvents.AsNoTracking()
            .Where(e => e.Status == WebhookEventStatus.Pending && contactIds.Contains(e.ContactId!) && InboundEndpoints.Contains(e.Endpoint))
            .Select(e => e.ContactId!)
            .Distinct()
            .ToListAsync(cancellationToken))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The touches of <paramref name="contactIds"/> for <paramref name="locationId"/> on the UTC
    /// <paramref name="day"/> that went out or may have (reserved, sent, unknown; not failed). Read in the
    /// caller's transaction (under the write gate in <see cref="CheckAndReserveAsync{T}"/>, so no other writer
    /// can add one before the reservation), on the idempotency index pages the reservation writes next anyway.
    /// </summary>
    public async Task<IReadOnlyList<(string ContactId, long SequenceId, string Step)>> TouchesOfDayAsync(
        string locationId,
        DateOnly day,
        IEnumerable<string> contactIds,
        CancellationToken cancellationToken)
    {
        var database = db.Database;
        var touchDate = (RelationalTypeMapping)db.Model.FindEntityType(typeof(SdrOutreachTouch))!
            .FindProperty(nameof(SdrOutreachTouch.TouchDate))!.GetTypeMapping();
        var touches = new List<(string, long, string)>();
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = database.GetDbConnection().CreateCommand();
            command.CommandText = DayTouchesSql;
            command.Transaction = database.CurrentTransaction?.GetDbTransaction();
            var parameters = command.AddParameters("contacts", "location");
            parameters[0].Value = JsonSerializer.Serialize(contactIds.Distinct(StringComparer.Ordinal));
            parameters[1].Value = locationId;
            command.Parameters.Add(touchDate.CreateParameter(command, "@day", day));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                touches.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
            }
        }
        finally
        {
            await database.CloseConnectionAsync();
        }

        return touches;
    }

    /// <summary>A pending change kept out of a save and put back after it, with its modified properties.</summary>
    private sealed record HeldChange(EntityEntry Entry, EntityState State, PropertyValues? Values, string[] Modified)
    {
        public static HeldChange SetAside(EntityEntry entry)
        {
            var state = entry.State;
            var values = state == EntityState.Modified ? entry.CurrentValues.Clone() : null;
            var modified = entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToArray();
            entry.State = state == EntityState.Added ? EntityState.Detached : EntityState.Unchanged;
            return new HeldChange(entry, state, values, modified);
        }

        public void Restore()
        {
            if (State != EntityState.Modified)
            {
                Entry.State = State;
                return;
            }

            Entry.CurrentValues.SetValues(Values!);
            foreach (var name in Modified)
            {
                Entry.Property(name).IsModified = true;
            }
        }
    }
}
