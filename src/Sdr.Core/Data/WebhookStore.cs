using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data;

/// <summary>
/// The webhook flow's storage: the inbox's group-commit inserts and the ordered processor's reads and
/// saves. It owns the flow's SQLite write gate turns, transactions and SQL, so the inbox keeps only the
/// queueing of requests and the processor only the order and the handling of events.
/// </summary>
public sealed class WebhookStore(IServiceScopeFactory scopes, SqliteWriteGate gate)
{
    /// <summary>Unprocessed events: what the intake's backlog (429) is measured against.</summary>
    public async Task<int> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        return await db.WebhookEvents.CountAsync(e => e.Status == WebhookEventStatus.Pending, cancellationToken);
    }

    /// <summary>A processing pass: its own scope (the handlers resolve from it) and one open connection.</summary>
    public async Task<WebhookProcessingSession> OpenProcessingAsync(CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
            await db.Database.OpenConnectionAsync(cancellationToken);
            return new WebhookProcessingSession(scope, db, gate);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    /// <summary>The inbox's writer: a scope, context, open connection and prepared INSERT kept between batches.</summary>
    public async Task<WebhookInboxWriter> OpenInboxWriterAsync()
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
            await db.Database.OpenConnectionAsync();
            return new WebhookInboxWriter(scope, db, gate);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }
}

/// <summary>What processing decided for one event: its new status and outcome, written with the next save.</summary>
public sealed record WebhookStatusWrite(long EventId, string Status, string Outcome, int Attempts);

/// <summary>
/// One processing pass. An event's effects are tracked on the scope's context by its handler; <see cref="SaveAsync"/>
/// writes them and the waiting statuses in one short transaction, in this process's turn to write.
/// </summary>
public sealed class WebhookProcessingSession : IAsyncDisposable
{
    private const string StatusSql = "UPDATE sdr_webhook_events SET status = @status, outcome = @outcome, processed_at = @at, attempts = @attempts WHERE id = @id";

    private readonly AsyncServiceScope _scope;
    private readonly SdrDbContext _db;
    private readonly SqliteWriteGate _gate;

    internal WebhookProcessingSession(AsyncServiceScope scope, SdrDbContext db, SqliteWriteGate gate)
    {
        _scope = scope;
        _db = db;
        _gate = gate;
    }

    /// <summary>The pass's scope: handlers and the context they track their effects on.</summary>
    public IServiceProvider Services => _scope.ServiceProvider;

    /// <summary>True when the handler of the current event changed something.</summary>
    public bool HasEffects => _db.ChangeTracker.HasChanges();

    /// <summary>True when the tracked effects queue GHL writes (the outbox is woken after the save).</summary>
    public bool QueuesOutboxActions => _db.ChangeTracker.Entries<SdrGhlAction>().Any(e => e.State == EntityState.Added);

    /// <summary>True when the tracked effects queue conversational messages (their worker is woken after the save).</summary>
    public bool QueuesOutboundMessages => _db.ChangeTracker.Entries<SdrOutboundMessage>().Any(e => e.State == EntityState.Added);

    /// <summary>Due events in arrival order, untracked.</summary>
    public Task<List<SdrWebhookEvent>> LoadDueAsync(DateTime now, int max, CancellationToken cancellationToken) =>
        _db.WebhookEvents.AsNoTracking()
            .Where(e => e.Status == WebhookEventStatus.Pending && e.NextAttemptAt <= now)
            .OrderBy(e => e.Id)
            .Take(max)
            .ToListAsync(cancellationToken);

    public Task<int> CountPendingAsync(CancellationToken cancellationToken) =>
        _db.WebhookEvents.CountAsync(e => e.Status == WebhookEventStatus.Pending, cancellationToken);

    /// <summary>Forgets what the last handler tracked (before the next event, or after one that failed).</summary>
    public void DiscardEffects() => _db.ChangeTracker.Clear();

    /// <summary>
    /// Stages a failed attempt on a tracked stand-in for the stored row, loaded with the values it was read with:
    /// only the columns set here are written (never the payload, which would be encrypted again for nothing).
    /// </summary>
    public void StageFailure(SdrWebhookEvent loaded, int attempts, string error, DateTime? retryAt, DateTime? failedAt)
    {
        var row = _db.WebhookEvents.Attach(new SdrWebhookEvent
        {
            Id = loaded.Id,
            DedupeKey = loaded.DedupeKey,
            Endpoint = loaded.Endpoint,
            EventType = loaded.EventType,
            Status = loaded.Status,
            Attempts = loaded.Attempts,
            NextAttemptAt = loaded.NextAttemptAt,
            ReceivedAt = loaded.ReceivedAt,
            LocationId = loaded.LocationId,
            ContactId = loaded.ContactId,
            Outcome = loaded.Outcome,
            Error = loaded.Error,
            ProcessedAt = loaded.ProcessedAt,
        }).Entity;
        row.Attempts = attempts;
        row.Error = error.Length > 500 ? error[..500] : error;
        if (failedAt is not null)
        {
            row.Status = WebhookEventStatus.Failed;
            row.ProcessedAt = failedAt;
        }
        else if (retryAt is not null)
        {
            row.NextAttemptAt = retryAt.Value;
        }
    }

    /// <summary>
    /// What is tracked (one event's effects, or a failure) and the waiting statuses, in one short transaction;
    /// the statuses through one prepared UPDATE re-bound per row. Clears what was tracked.
    /// </summary>
    public async Task SaveAsync(IReadOnlyList<WebhookStatusWrite> statuses, DateTime processedAt, CancellationToken cancellationToken)
    {
        var tracked = _db.ChangeTracker.HasChanges();
        using (await _gate.EnterAsync(cancellationToken))
        {
            await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
            if (tracked)
            {
                await _db.SaveChangesAsync(cancellationToken);
            }

            await WriteStatusesAsync(transaction.GetDbTransaction(), statuses, processedAt, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        _db.ChangeTracker.Clear();
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();

    private async Task WriteStatusesAsync(DbTransaction transaction, IReadOnlyList<WebhookStatusWrite> statuses, DateTime processedAt, CancellationToken cancellationToken)
    {
        if (statuses.Count == 0)
        {
            return;
        }

        await using var command = _db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        command.CommandText = StatusSql;
        var parameters = command.AddParameters("status", "outcome", "at", "attempts", "id");
        parameters[2].Value = processedAt;
        foreach (var status in statuses)
        {
            parameters[0].Value = status.Status;
            parameters[1].Value = status.Outcome.Length > 300 ? status.Outcome[..300] : status.Outcome;
            parameters[3].Value = status.Attempts;
            parameters[4].Value = status.EventId;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

/// <summary>
/// The inbox's writer. One transaction per batch, one prepared <c>INSERT ... ON CONFLICT (dedupe_key) DO NOTHING</c>
/// re-bound per row (the same SQL on SQLite and PostgreSQL), on a connection kept open (no scope, context, pool rent
/// or statement preparation per batch): a row that comes back is stored, one that does not is a duplicate (also
/// across replicas). The payload is Fernet-encrypted here, as the ORM's converter would, before the write lock is
/// taken: the transaction holds SQLite's single write lock (<see cref="SqliteWriteGate"/>) only for the inserts.
/// </summary>
public sealed class WebhookInboxWriter : IAsyncDisposable
{
    private const string InsertSql = """
        INSERT INTO sdr_webhook_events (dedupe_key, endpoint, event_type, location_id, contact_id, payload, received_at, status, attempts, next_attempt_at)
        VALUES (@key, @endpoint, @type, @location, @contact, @payload, @now, @status, 0, @now)
        ON CONFLICT (dedupe_key) DO NOTHING
        RETURNING id
        """;

    private readonly AsyncServiceScope _scope;
    private readonly SdrDbContext _db;
    private readonly SqliteWriteGate _gate;
    private readonly DbCommand _insert;

    /// <summary>key, endpoint, type, location, contact, payload, now, status.</summary>
    private readonly DbParameter[] _parameters;

    internal WebhookInboxWriter(AsyncServiceScope scope, SdrDbContext db, SqliteWriteGate gate)
    {
        _scope = scope;
        _db = db;
        _gate = gate;
        _insert = db.Database.GetDbConnection().CreateCommand();
        _insert.CommandText = InsertSql;
        _parameters = _insert.AddParameters("key", "endpoint", "type", "location", "contact", "payload", "now", "status");
    }

    /// <summary>The events' rows in one transaction; each row's id, or null for a duplicate.</summary>
    public async Task<long?[]> InsertAsync(IReadOnlyList<SdrWebhookEvent> events, DateTime now)
    {
        var payloads = new string[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            payloads[i] = _db.KeyRing.EncryptString(events[i].Payload)!;
        }

        using (await _gate.EnterAsync(CancellationToken.None))
        {
            _parameters[6].Value = now;
            _parameters[7].Value = WebhookEventStatus.Pending;
            await using var transaction = await _insert.Connection!.BeginTransactionAsync();
            _insert.Transaction = transaction;
            var ids = new long?[events.Count];
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                _parameters[0].Value = e.DedupeKey;
                _parameters[1].Value = e.Endpoint;
                _parameters[2].Value = e.EventType;
                _parameters[3].Value = (object?)e.LocationId ?? DBNull.Value;
                _parameters[4].Value = (object?)e.ContactId ?? DBNull.Value;
                _parameters[5].Value = payloads[i];
                var id = await _insert.ExecuteScalarAsync();
                ids[i] = id is null or DBNull ? null : Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture);
            }

            await transaction.CommitAsync();
            return ids;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _insert.DisposeAsync();
        await _scope.DisposeAsync();
    }
}
