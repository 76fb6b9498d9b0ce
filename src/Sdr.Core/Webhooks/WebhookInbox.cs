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
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookInbox> _logger;
    private readonly int _maxBacklog;
    private readonly Channel<PendingWrite> _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(4_096)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly CancellationTokenSource _stopping = new();
    private readonly Lazy<Task> _writer;

    public WebhookInbox(IServiceScopeFactory scopes, WebhookBacklog backlog, TimeProvider time, IOptions<WebhookOptions> options, ILogger<WebhookInbox> logger)
    {
        _scopes = scopes;
        _backlog = backlog;
        _time = time;
        _logger = logger;
        _maxBacklog = options.Value.MaxBacklog;
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
        while (await _queue.Reader.WaitToReadAsync(_stopping.Token))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            try
            {
                await WriteBatchAsync(batch);
            }
            catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException)
            {
                LogWriteFailed(_logger, batch.Count, exception.GetType().Name);
                foreach (var write in batch)
                {
                    write.Completion.TrySetResult((InboxWriteResult.Overloaded, null));
                }
            }
        }
    }

    private async Task WriteBatchAsync(List<PendingWrite> batch)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        var now = _time.GetUtcNow().UtcDateTime;
        var keys = batch.Select(w => w.Event.DedupeKey).Distinct(StringComparer.Ordinal).ToList();
        var existing = (await db.WebhookEvents.AsNoTracking().Where(e => keys.Contains(e.DedupeKey)).Select(e => new { e.DedupeKey, e.Id }).ToListAsync())
            .ToDictionary(e => e.DedupeKey, e => e.Id, StringComparer.Ordinal);

        var fresh = new Dictionary<string, PendingWrite>(StringComparer.Ordinal);
        var duplicates = new List<PendingWrite>();
        foreach (var write in batch)
        {
            if (existing.ContainsKey(write.Event.DedupeKey) || !fresh.TryAdd(write.Event.DedupeKey, write))
            {
                duplicates.Add(write);
                continue;
            }

            write.Event.ReceivedAt = now;
            write.Event.NextAttemptAt = now;
            db.WebhookEvents.Add(write.Event);
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            // Another replica stored one of these meanwhile: store one by one.
            db.ChangeTracker.Clear();
            await WriteOneByOneAsync(db, fresh.Values, existing);
            fresh.Clear();
        }

        foreach (var write in fresh.Values)
        {
            write.Completion.TrySetResult((InboxWriteResult.Stored, write.Event.Id));
        }

        foreach (var write in duplicates)
        {
            var id = existing.TryGetValue(write.Event.DedupeKey, out var known) ? known
                : fresh.TryGetValue(write.Event.DedupeKey, out var first) ? first.Event.Id
                : (long?)null;
            write.Completion.TrySetResult((InboxWriteResult.Duplicate, id));
        }

        if (fresh.Count > 0)
        {
            _backlog.Added(fresh.Count);
        }
    }

    private async Task WriteOneByOneAsync(SdrDbContext db, IEnumerable<PendingWrite> writes, Dictionary<string, long> existing)
    {
        var stored = 0;
        foreach (var write in writes)
        {
            db.WebhookEvents.Add(write.Event);
            try
            {
                await db.SaveChangesAsync();
                stored++;
                write.Completion.TrySetResult((InboxWriteResult.Stored, write.Event.Id));
            }
            catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
            {
                db.ChangeTracker.Clear();
                write.Completion.TrySetResult((InboxWriteResult.Duplicate, existing.GetValueOrDefault(write.Event.DedupeKey)));
            }
        }

        if (stored > 0)
        {
            _backlog.Added(stored);
        }
    }

    private sealed class PendingWrite(SdrWebhookEvent webhookEvent)
    {
        public SdrWebhookEvent Event { get; } = webhookEvent;

        public TaskCompletionSource<(InboxWriteResult, long?)> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store {Count} webhook event(s) ({Error}); answered 429 so GHL retries")]
    private static partial void LogWriteFailed(ILogger logger, int count, string error);
}
