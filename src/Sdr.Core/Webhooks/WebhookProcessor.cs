using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sdr.Core.Compliance.Conversations;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Outbox;

namespace Sdr.Core.Webhooks;

/// <summary>
/// Works through the inbox in arrival order, a batch at a time: one scope, one connection and one
/// query load the batch, one more finds which of its contacts have no sequence at all (most inbound
/// messages; <see cref="SequenceSnapshot"/>), then each event is handled on its own. An event's effects and its new
/// status are saved in one short transaction, so a crash leaves it pending (handled again, and the
/// handlers are idempotent) rather than half done. An event that changed nothing has only its status
/// to write: that waits and goes out with the next save (the next event with effects, every
/// <see cref="MaxUnsaved"/> events, or the end of the batch), so no status is committed later than
/// the effects of an event that arrived after it.
/// A failing event is retried with backoff and ends as <see cref="WebhookEventStatus.Failed"/> after
/// <see cref="MaxAttempts"/>; it does not hold up the others.
/// </summary>
public sealed partial class WebhookProcessor(IServiceScopeFactory scopes, WebhookBacklog backlog, OutboxSignal outbox, OutboundMessageSignal messages, SqliteWriteGate gate, TimeProvider time, ILogger<WebhookProcessor> logger)
{
    public const int MaxAttempts = 8;

    /// <summary>Statuses written together at most: keeps each write transaction short (SQLite has one writer).</summary>
    private const int MaxUnsaved = 32;

    /// <summary>
    /// Re-reads the number of unprocessed events into the backlog the intake checks (for 429), on an
    /// instance that does not process: its intake only ever adds to the in-memory count, and without
    /// this it would answer 429 forever once it had taken <c>MaxBacklog</c> events in its lifetime.
    /// </summary>
    public async Task RefreshBacklogAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        backlog.Reset(await db.WebhookEvents.CountAsync(e => e.Status == WebhookEventStatus.Pending, cancellationToken));
    }

    /// <summary>Processes up to <paramref name="max"/> due events; returns how many were taken.</summary>
    public async Task<int> ProcessDueAsync(int max, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var batch = await db.WebhookEvents.AsNoTracking()
            .Where(e => e.Status == WebhookEventStatus.Pending && e.NextAttemptAt <= now)
            .OrderBy(e => e.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
        if (batch.Count < max)
        {
            backlog.Reset(await db.WebhookEvents.CountAsync(e => e.Status == WebhookEventStatus.Pending, cancellationToken));
        }

        if (batch.Count == 0)
        {
            return 0;
        }

        var handlers = scope.ServiceProvider.GetRequiredService<WebhookEventHandlers>();
        var snapshot = await SequenceSnapshot.LoadAsync(db, batch, cancellationToken);
        var unsaved = new List<(SdrWebhookEvent Event, WebhookHandling Handling)>();
        var failed = 0;
        foreach (var webhookEvent in batch)
        {
            db.ChangeTracker.Clear();
            try
            {
                var handling = await handlers.HandleAsync(webhookEvent, snapshot, cancellationToken);
                unsaved.Add((webhookEvent, handling));
                var effects = db.ChangeTracker.HasChanges();
                if (effects || handling.Status != WebhookEventStatus.Ignored)
                {
                    snapshot.Forget(webhookEvent.ContactId, webhookEvent.LocationId);
                }

                if (effects || unsaved.Count >= MaxUnsaved)
                {
                    await SaveAsync(db, unsaved, cancellationToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failed++;
                snapshot.Forget(webhookEvent.ContactId, webhookEvent.LocationId);
                unsaved.RemoveAll(u => u.Event == webhookEvent);
                db.ChangeTracker.Clear();
                StageFailure(db, webhookEvent, exception);
                await SaveAsync(db, unsaved, cancellationToken);
            }
        }

        if (unsaved.Count > 0)
        {
            db.ChangeTracker.Clear();
            await SaveAsync(db, unsaved, cancellationToken);
        }

        LogBatch(logger, batch.Count - failed, failed);
        return batch.Count;
    }

    /// <summary>
    /// What is tracked (one event's effects, or a failure) and the waiting statuses, in one short
    /// transaction; the statuses through one prepared UPDATE re-bound per row.
    /// </summary>
    private async Task SaveAsync(SdrDbContext db, List<(SdrWebhookEvent Event, WebhookHandling Handling)> unsaved, CancellationToken cancellationToken)
    {
        var tracked = db.ChangeTracker.HasChanges();
        var queued = tracked && db.ChangeTracker.Entries<SdrGhlAction>().Any(e => e.State == EntityState.Added);
        var messaged = tracked && db.ChangeTracker.Entries<SdrOutboundMessage>().Any(e => e.State == EntityState.Added);
        using (await gate.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (tracked)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            await WriteStatusesAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), unsaved, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (queued)
        {
            outbox.Queued();
        }

        if (messaged)
        {
            messages.Queued();
        }

        backlog.Done(unsaved.Count);
        foreach (var (webhookEvent, handling) in unsaved)
        {
            LogHandled(logger, webhookEvent.Id, webhookEvent.EventType, handling.Status, handling.Outcome);
        }

        unsaved.Clear();
        db.ChangeTracker.Clear();
    }

    private async Task WriteStatusesAsync(DbConnection connection, DbTransaction transaction, List<(SdrWebhookEvent Event, WebhookHandling Handling)> unsaved, CancellationToken cancellationToken)
    {
        if (unsaved.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE sdr_webhook_events SET status = @status, outcome = @outcome, processed_at = @at, attempts = @attempts WHERE id = @id";
        var parameters = command.AddParameters("status", "outcome", "at", "attempts", "id");
        parameters[2].Value = time.GetUtcNow().UtcDateTime;
        foreach (var (webhookEvent, handling) in unsaved)
        {
            parameters[0].Value = handling.Status;
            parameters[1].Value = handling.Outcome.Length > 300 ? handling.Outcome[..300] : handling.Outcome;
            parameters[3].Value = webhookEvent.Attempts + 1;
            parameters[4].Value = webhookEvent.Id;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private void StageFailure(SdrDbContext db, SdrWebhookEvent webhookEvent, Exception exception)
    {
        var row = Attach(db, webhookEvent).Entity;
        row.Attempts = webhookEvent.Attempts + 1;
        var error = $"{exception.GetType().Name}: {exception.Message}";
        row.Error = error.Length > 500 ? error[..500] : error;
        if (row.Attempts >= MaxAttempts)
        {
            row.Status = WebhookEventStatus.Failed;
            row.ProcessedAt = time.GetUtcNow().UtcDateTime;
            backlog.Done(1);
            LogGaveUp(logger, exception, webhookEvent.Id, webhookEvent.EventType, row.Attempts);
        }
        else
        {
            var delay = TimeSpan.FromSeconds(Math.Min(600, 5 * Math.Pow(2, row.Attempts - 1)));
            row.NextAttemptAt = time.GetUtcNow().UtcDateTime + delay;
            LogRetry(logger, webhookEvent.Id, webhookEvent.EventType, row.Attempts, exception.GetType().Name, delay);
        }
    }

    /// <summary>
    /// A tracked stand-in for the stored row with the values it was loaded with: only the columns set
    /// on it afterwards are written (never the payload, which would be encrypted again for nothing).
    /// The loaded event itself stays untouched.
    /// </summary>
    private static EntityEntry<SdrWebhookEvent> Attach(SdrDbContext db, SdrWebhookEvent loaded) => db.WebhookEvents.Attach(new SdrWebhookEvent
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
    });

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook event {EventId} ({EventType}) {Status}: {Outcome}")]
    private static partial void LogHandled(ILogger logger, long eventId, string eventType, string status, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook events: {Handled} handled, {Failed} failed (failures retry with backoff)")]
    private static partial void LogBatch(ILogger logger, int handled, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook event {EventId} ({EventType}) failed attempt {Attempt} ({Error}); retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, long eventId, string eventType, int attempt, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook event {EventId} ({EventType}) failed {Attempts} times and is marked failed")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, long eventId, string eventType, int attempts);
}
