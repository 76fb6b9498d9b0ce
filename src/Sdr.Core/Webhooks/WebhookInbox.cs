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

    private readonly WebhookBacklog _backlog;
    private readonly WebhookStore _store;
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

    public WebhookInbox(WebhookStore store, WebhookBacklog backlog, TimeProvider time, IOptions<WebhookOptions> options, ILogger<WebhookInbox> logger)
    {
        _backlog = backlog;
        _store = store;
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
        WebhookInboxWriter? connection = null;
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
                    connection ??= await _store.OpenInboxWriterAsync();
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

    /// <summary>Stores the batch through the <see cref="WebhookInboxWriter"/> (one transaction) and answers each request.</summary>
    private async Task WriteBatchAsync(WebhookInboxWriter writer, List<PendingWrite> batch)
    {
        var ids = await writer.InsertAsync(batch.ConvertAll(write => write.Event), _time.GetUtcNow().UtcDateTime);
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

    private sealed class PendingWrite(SdrWebhookEvent webhookEvent)
    {
        public SdrWebhookEvent Event { get; } = webhookEvent;

        public TaskCompletionSource<(InboxWriteResult, long?)> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store {Count} webhook event(s) ({Error}); answered 429 so GHL retries")]
    private static partial void LogWriteFailed(ILogger logger, int count, string error);
}
