using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Webhooks;

/// <summary>
/// Works through the inbox in arrival order. Each event is handled in its own scope; its effects
/// and its new status are saved in one transaction, so a crash leaves it pending (handled again,
/// and the handlers are idempotent) rather than half done. A failing event is retried with backoff
/// and ends as <see cref="WebhookEventStatus.Failed"/> after <see cref="MaxAttempts"/>.
/// </summary>
public sealed partial class WebhookProcessor(IServiceScopeFactory scopes, WebhookBacklog backlog, TimeProvider time, ILogger<WebhookProcessor> logger)
{
    public const int MaxAttempts = 8;

    /// <summary>Processes up to <paramref name="max"/> due events; returns how many were taken.</summary>
    public async Task<int> ProcessDueAsync(int max, CancellationToken cancellationToken)
    {
        List<long> ids;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            ids = await db.WebhookEvents.AsNoTracking()
                .Where(e => e.Status == WebhookEventStatus.Pending && e.NextAttemptAt <= now)
                .OrderBy(e => e.Id)
                .Select(e => e.Id)
                .Take(max)
                .ToListAsync(cancellationToken);
            if (ids.Count < max)
            {
                backlog.Reset(await db.WebhookEvents.CountAsync(e => e.Status == WebhookEventStatus.Pending, cancellationToken));
            }
        }

        var handled = 0;
        foreach (var id in ids)
        {
            handled += await ProcessOneAsync(id, cancellationToken) ? 1 : 0;
        }

        if (ids.Count > 0)
        {
            LogBatch(logger, handled, ids.Count - handled);
        }

        return ids.Count;
    }

    /// <summary>True when the event was handled (processed or ignored); false when it failed or was gone.</summary>
    private async Task<bool> ProcessOneAsync(long id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        var webhookEvent = await db.WebhookEvents.FirstOrDefaultAsync(e => e.Id == id && e.Status == WebhookEventStatus.Pending, cancellationToken);
        if (webhookEvent is null)
        {
            return false;
        }

        try
        {
            var handling = await scope.ServiceProvider.GetRequiredService<WebhookEventHandlers>().HandleAsync(webhookEvent, cancellationToken);
            webhookEvent.Status = handling.Status;
            webhookEvent.Outcome = handling.Outcome.Length > 300 ? handling.Outcome[..300] : handling.Outcome;
            webhookEvent.ProcessedAt = time.GetUtcNow().UtcDateTime;
            webhookEvent.Attempts++;
            await db.SaveChangesAsync(cancellationToken);
            backlog.Done(1);
            LogHandled(logger, webhookEvent.Id, webhookEvent.EventType, handling.Status, webhookEvent.Outcome);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await RecordFailureAsync(id, exception, cancellationToken);
            return false;
        }
    }

    private async Task RecordFailureAsync(long id, Exception exception, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        var webhookEvent = await db.WebhookEvents.FirstAsync(e => e.Id == id, cancellationToken);
        webhookEvent.Attempts++;
        var error = $"{exception.GetType().Name}: {exception.Message}";
        webhookEvent.Error = error.Length > 500 ? error[..500] : error;
        if (webhookEvent.Attempts >= MaxAttempts)
        {
            webhookEvent.Status = WebhookEventStatus.Failed;
            webhookEvent.ProcessedAt = time.GetUtcNow().UtcDateTime;
            backlog.Done(1);
            LogGaveUp(logger, exception, id, webhookEvent.EventType, webhookEvent.Attempts);
        }
        else
        {
            var delay = TimeSpan.FromSeconds(Math.Min(600, 5 * Math.Pow(2, webhookEvent.Attempts - 1)));
            webhookEvent.NextAttemptAt = time.GetUtcNow().UtcDateTime + delay;
            LogRetry(logger, id, webhookEvent.EventType, webhookEvent.Attempts, exception.GetType().Name, delay);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook event {EventId} ({EventType}) {Status}: {Outcome}")]
    private static partial void LogHandled(ILogger logger, long eventId, string eventType, string status, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook events: {Handled} handled, {Failed} failed or gone (failures retry with backoff)")]
    private static partial void LogBatch(ILogger logger, int handled, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook event {EventId} ({EventType}) failed attempt {Attempt} ({Error}); retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, long eventId, string eventType, int attempt, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook event {EventId} ({EventType}) failed {Attempts} times and is marked failed")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, long eventId, string eventType, int attempts);
}
