using Microsoft.EntityFrameworkCore;
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
public sealed partial class WebhookProcessor(WebhookStore store, WebhookBacklog backlog, OutboxSignal outbox, OutboundMessageSignal messages, TimeProvider time, ILogger<WebhookProcessor> logger)
{
    public const int MaxAttempts = 8;

    /// <summary>Statuses written together at most: keeps each write transaction short (SQLite has one writer).</summary>
    private const int MaxUnsaved = 32;

    /// <summary>
    /// Re-reads the number of unprocessed events into the backlog the intake checks (for 429), on an
    /// instance that does not process: its intake only ever adds to the in-memory count, and without
    /// this it would answer 429 forever once it had taken <c>MaxBacklog</c> events in its lifetime.
    /// </summary>
    public async Task RefreshBacklogAsync(CancellationToken cancellationToken) =>
        backlog.Reset(await store.CountPendingAsync(cancellationToken));

    /// <summary>Processes up to <paramref name="max"/> due events; returns how many were taken.</summary>
    public async Task<int> ProcessDueAsync(int max, CancellationToken cancellationToken)
    {
        await using var session = await store.OpenProcessingAsync(cancellationToken);
        var batch = await session.LoadDueAsync(time.GetUtcNow().UtcDateTime, max, cancellationToken);
        if (batch.Count < max)
        {
            backlog.Reset(await session.CountPendingAsync(cancellationToken));
        }

        if (batch.Count == 0)
        {
            return 0;
        }

        var handlers = session.Services.GetRequiredService<WebhookEventHandlers>();
        var snapshot = await SequenceSnapshot.LoadAsync(session.Services.GetRequiredService<SdrDbContext>(), batch, cancellationToken);
        var unsaved = new List<(SdrWebhookEvent Event, WebhookHandling Handling)>();
        var failed = 0;
        foreach (var webhookEvent in batch)
        {
            session.DiscardEffects();
            try
            {
                var handling = await handlers.HandleAsync(webhookEvent, snapshot, cancellationToken);
                unsaved.Add((webhookEvent, handling));
                var effects = session.HasEffects;
                if (effects || handling.Status != WebhookEventStatus.Ignored)
                {
                    snapshot.Forget(webhookEvent.ContactId, webhookEvent.LocationId);
                }

                if (effects || unsaved.Count >= MaxUnsaved)
                {
                    await SaveAsync(session, unsaved, cancellationToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failed++;
                snapshot.Forget(webhookEvent.ContactId, webhookEvent.LocationId);
                unsaved.RemoveAll(u => u.Event == webhookEvent);
                session.DiscardEffects();
                StageFailure(session, webhookEvent, exception);
                await SaveAsync(session, unsaved, cancellationToken);
            }
        }

        if (unsaved.Count > 0)
        {
            session.DiscardEffects();
            await SaveAsync(session, unsaved, cancellationToken);
        }

        LogBatch(logger, batch.Count - failed, failed);
        return batch.Count;
    }

    /// <summary>What is tracked (one event's effects, or a failure) and the waiting statuses, in one short transaction.</summary>
    private async Task SaveAsync(WebhookProcessingSession session, List<(SdrWebhookEvent Event, WebhookHandling Handling)> unsaved, CancellationToken cancellationToken)
    {
        var queued = session.QueuesOutboxActions;
        var messaged = session.QueuesOutboundMessages;
        var statuses = unsaved.ConvertAll(u => new WebhookStatusWrite(u.Event.Id, u.Handling.Status, u.Handling.Outcome, u.Event.Attempts + 1));
        await session.SaveAsync(statuses, time.GetUtcNow().UtcDateTime, cancellationToken);

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
    }

    private void StageFailure(WebhookProcessingSession session, SdrWebhookEvent webhookEvent, Exception exception)
    {
        var attempts = webhookEvent.Attempts + 1;
        var error = $"{exception.GetType().Name}: {exception.Message}";
        var now = time.GetUtcNow().UtcDateTime;
        if (attempts >= MaxAttempts)
        {
            session.StageFailure(webhookEvent, attempts, error, retryAt: null, failedAt: now);
            backlog.Done(1);
            LogGaveUp(logger, exception, webhookEvent.Id, webhookEvent.EventType, attempts);
        }
        else
        {
            var delay = TimeSpan.FromSeconds(Math.Min(600, 5 * Math.Pow(2, attempts - 1)));
            session.StageFailure(webhookEvent, attempts, error, retryAt: now + delay, failedAt: null);
            LogRetry(logger, webhookEvent.Id, webhookEvent.EventType, attempts, exception.GetType().Name, delay);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook event {EventId} ({EventType}) {Status}: {Outcome}")]
    private static partial void LogHandled(ILogger logger, long eventId, string eventType, string status, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook events: {Handled} handled, {Failed} failed (failures retry with backoff)")]
    private static partial void LogBatch(ILogger logger, int handled, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook event {EventId} ({EventType}) failed attempt {Attempt} ({Error}); retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, long eventId, string eventType, int attempt, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook event {EventId} ({EventType}) failed {Attempts} times and is marked failed")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, long eventId, string eventType, int attempts);
}
