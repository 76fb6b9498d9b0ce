using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Webhooks;

public enum InboxWriteResult
{
    Stored,
    Duplicate,

    /// <summary>Backlog or write queue full, or the database is failing: answer 429 so GHL retries.</summary>
    Overloaded,
}

/// <summary>
/// The durable inbox. Requests hand their event to a single writer that commits whatever has queued
/// up in one transaction (group commit), and each request is answered only after its row is
/// committed: durable before the 200, without one fsync per webhook.
/// </summary>
public sealed partial class WebhookInbox : IAsyncDisposable
{
    private const int MaxBatch = 256;

    private readonly IServiceScopeFactory _scopes;
    private readonly WebhookBacklog _backlog;
    private readonly SqliteWriteGate _gate;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookInbox> _logger;
    private readonly int _maxBacklog;
    private readonly TimeSpan _groupCommit;
    private readonly Channel<PendingWrite> _queue = System.Threading.Channels.Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(4_096)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly CancellationTokenSource _stopping = new();
    private readonly Lazy<Task> _writer;

    public WebhookInbox(IServiceScopeFactory scopes, WebhookBacklog backlog, SqliteWriteGate gate, TimeProvider time, IOptions<WebhookOptions> options, ILogger<WebhookInbox> logger)
    {
        _scopes = scopes;
        _backlog = backlog;
        _gate = gate;
        _time = time;
        _logger = logger;
        _maxBacklog = options.Value.MaxBacklog;
        _groupCommit = TimeSpan.FromMilliseconds(options.Value.GroupCommitMilliseconds);
        _writer = new Lazy<Task>(() => Task.Run(WriteLoopAsync), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public async Task<(InboxWriteResult Result, long? EventId)> StoreAsync(string endpoint, WebhookEnvelope envelope, string payload, CancellationToken cancellationToken)
    {
        if (_backlog.Pending >= _maxBacklog)
        {
            return (InboxWriteResult.Overloaded, null);
        }

        _ = _writer.Value;
        var write = new PendingWrite(new SdrWebhookEvent
        {
            DedupeKey = envelope.DedupeKey,
            Endpoint = endpoint,
            EventType = envelope.EventType,
            LocationId = envelope.LocationId,
            ContactId = envelope.ContactId,
            Payload = payload,
            Status = WebhookEventStatus.Pending,
        });
        if (!_queue.Writer.TryWrite(write))
        {
            return (InboxWriteResult.Overloaded, null);
        }

        // The row is written even if the caller goes away: the sender may have sent it anyway.
        return await write.Completion.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer.IsValueCreated)
        {
            try
            {
                await _writer.Value.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
                await _stopping.CancelAsync();
            }
        }

        _stopping.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        InboxConnection? connection = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stopping.Token))
            {
                if (_groupCommit > TimeSpan.Zero && _queue.Reader.Count < MaxBatch)
                {
                    // Real time, not the product clock: this is I/O pacing, not a business delay.
                    await Task.Delay(_groupCommit, CancellationToken.None);
                }

                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
                {
                    batch.Add(write);
                }

                try
                {
                    connection ??= await InboxConnection.OpenAsync(_scopes);
                    await WriteBatchAsync(connection, batch);
                }
                catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException)
                {
                    LogWriteFailed(_logger, batch.Count, exception.GetType().Name);
                    foreach (var write in batch)
                    {
                        write.Completion.TrySetResult((InboxWriteResult.Overloaded, null));
                    }

                    // A fresh connection for the next batch, in case this one is what failed.
                    if (connection is not null)
                    {
                        await connection.DisposeAsync();
                        connection = null;
                    }
                }
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// One transaction per batch, one prepared <c>INSERT ... ON CONFLICT (dedupe_key) DO NOTHING</c>
    /// re-bound per row (the same SQL on SQLite and PostgreSQL), on a connection the writer keeps
    /// open (no scope, context, pool rent or statement preparation per batch): a row that comes back is stored, one
    /// that does not is a duplicate (also across replicas). The payload is Fernet-encrypted here, as
    /// the ORM's converter would, before the write lock is taken: the transaction holds SQLite's
    /// single write lock (<see cref="SqliteWriteGate"/>) only for the inserts.
    /// </summary>
    private async Task WriteBatchAsync(InboxConnection connection, List<PendingWrite> batch)
    {
        var payloads = new string[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            payloads[i] = connection.Db.KeyRing.EncryptString(batch[i].Event.Payload)!;
        }

        long?[] ids;
        using (await _gate.EnterAsync(CancellationToken.None))
        {
            ids = await InsertAsync(connection, batch, payloads);
        }

        var stored = 0;
        foreach (var (write, id) in batch.Zip(ids))
        {
            stored += id is null ? 0 : 1;
            write.Completion.TrySetResult(id is null ? (InboxWriteResult.Duplicate, null) : (InboxWriteResult.Stored, id));
        }

        if (stored > 0)
        {
            _backlog.Added(stored);
        }
    }

    /// <summary>The batch's rows in one transaction; each row's id, or null for a duplicate.</summary>
    private async Task<long?[]> InsertAsync(InboxConnection connection, List<PendingWrite> batch, string[] payloads)
    {
        var (command, parameters) = (connection.Insert, connection.Parameters);
        parameters[6].Value = _time.GetUtcNow().UtcDateTime;
        parameters[7].Value = WebhookEventStatus.Pending;
        await using var transaction = await command.Connection!.BeginTransactionAsync();
        command.Transaction = transaction;
        var ids = new long?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var e = batch[i].Event;
            parameters[0].Value = e.DedupeKey;
            parameters[1].Value = e.Endpoint;
            parameters[2].Value = e.EventType;
            parameters[3].Value = (object?)e.LocationId ?? DBNull.Value;
            parameters[4].Value = (object?)e.ContactId ?? DBNull.Value;
            parameters[5].Value = payloads[i];
            var id = await command.ExecuteScalarAsync();
            ids[i] = id is null or DBNull ? null : Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture);
        }

        await transaction.CommitAsync();
        return ids;
    }

    /// <summary>The writer's own scope, context, open connection and INSERT command, kept between batches.</summary>
    private sealed class InboxConnection : IAsyncDisposable
    {
        private readonly AsyncServiceScope _scope;

        private InboxConnection(AsyncServiceScope scope, SdrDbContext db, DbCommand insert, DbParameter[] parameters)
        {
            _scope = scope;
            Db = db;
            Insert = insert;
            Parameters = parameters;
        }

        public SdrDbContext Db { get; }

        public DbCommand Insert { get; }

        /// <summary>key, endpoint, type, location, contact, payload, now, status.</summary>
        public DbParameter[] Parameters { get; }

        public static async Task<InboxConnection> OpenAsync(IServiceScopeFactory scopes)
        {
            var scope = scopes.CreateAsyncScope();
            try
            {
                var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
                await db.Database.OpenConnectionAsync();
                var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = InsertSql;
                var parameters = command.AddParameters("key", "endpoint", "type", "location", "contact", "payload", "now", "status");
                return new InboxConnection(scope, db, command, parameters);
            }
            catch
            {
                await scope.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Insert.DisposeAsync();
            await _scope.DisposeAsync();
        }
    }

    private const string InsertSql = """
        INSERT INTO sdr_webhook_events (dedupe_key, endpoint, event_type, location_id, contact_id, payload, received_at, status, attempts, next_attempt_at)
        VALUES (@key, @endpoint, @type, @location, @contact, @payload, @now, @status, 0, @now)
        ON CONFLICT (dedupe_key) DO NOTHING
        RETURNING id
        """;

    private sealed class PendingWrite(SdrWebhookEvent webhookEvent)
    {
        public SdrWebhookEvent Event { get; } = webhookEvent;

        public TaskCompletionSource<(InboxWriteResult, long?)> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store {Count} webhook event(s) ({Error}); answered 429 so GHL retries")]
    private static partial void LogWriteFailed(ILogger logger, int count, string error);
}
