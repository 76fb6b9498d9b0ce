using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.GoHighLevel;

namespace Sdr.Core.Compliance.Consent;

/// <summary>
/// Carries queued writes to GHL out. DND and tag updates are retried with backoff until GHL accepts
/// them (only a permanent refusal, such as a deleted contact, stops them). A text is marked
/// <c>sending</c> before the call and never sent twice: if GHL's answer is lost it is left failed.
/// </summary>
public sealed partial class GhlActionRunner(IServiceScopeFactory scopes, IGoHighLevelClient ghl, SqliteWriteGate gate, TimeProvider time, ILogger<GhlActionRunner> logger)
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan StuckSending = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ConfirmationWait = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan ConfirmationFirst = TimeSpan.FromSeconds(30);

    /// <summary>Runs up to <paramref name="max"/> due actions; returns how many completed.</summary>
    public async Task<int> RunDueAsync(int max, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        var now = time.GetUtcNow().UtcDateTime;

        // A text left "sending" by a crash may have reached GHL: it is not sent again. Looked for
        // first: an UPDATE takes SQLite's write lock even when it matches nothing, on every pass.
        var stuckBefore = now - StuckSending;
        var stuck = db.GhlActions.Where(a => a.Status == GhlActionStatus.Sending && a.NextAttemptAt <= stuckBefore);
        if (await stuck.AnyAsync(cancellationToken))
        {
            using var turn = await gate.EnterAsync(cancellationToken);
            await stuck.ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, GhlActionStatus.Failed).SetProperty(a => a.LastError, "outcome unknown after a restart; not re-sent"), cancellationToken);
        }

        var due = await db.GhlActions
            .Where(a => a.Status == GhlActionStatus.Pending && a.NextAttemptAt <= now)
            .OrderBy(a => a.NextAttemptAt).ThenBy(a => a.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
        var done = 0;

        // Texts first: GHL refuses to text a contact once SMS DND is set, so the opt-out confirmation
        // goes before the DND it confirms.
        foreach (var action in due.OrderBy(a => GhlActionKinds.SendsText(a.Kind) ? 0 : 1))
        {
            if (action.Kind == GhlActionKinds.SetSmsDnd && await ConfirmationPendingAsync(db, action, now, cancellationToken))
            {
                action.NextAttemptAt = now + ConfirmationFirst;
                await SaveAsync(db, cancellationToken);
                continue;
            }

            done += await RunAsync(db, action, cancellationToken) ? 1 : 0;
        }

        return done;
    }

    /// <summary>A confirmation for this contact still waiting (and not for long): DND waits for it.</summary>
    private static Task<bool> ConfirmationPendingAsync(SdrDbContext db, SdrGhlAction dnd, DateTime now, CancellationToken cancellationToken)
    {
        var since = now - ConfirmationWait;
        return db.GhlActions.AnyAsync(
            a => a.ContactId == dnd.ContactId && a.LocationId == dnd.LocationId && a.Kind == GhlActionKinds.OptOutConfirmation
                && a.Status == GhlActionStatus.Pending && a.CreatedAt > since,
            cancellationToken);
    }

    private async Task<bool> RunAsync(SdrDbContext db, SdrGhlAction action, CancellationToken cancellationToken)
    {
        action.Attempts++;
        var sendsText = GhlActionKinds.SendsText(action.Kind);
        if (sendsText)
        {
            action.Status = GhlActionStatus.Sending;
            action.NextAttemptAt = time.GetUtcNow().UtcDateTime;
            await SaveAsync(db, cancellationToken);
        }

        try
        {
            action.GhlMessageId = await CallAsync(action, cancellationToken);
            action.Status = GhlActionStatus.Done;
            action.CompletedAt = time.GetUtcNow().UtcDateTime;
            action.LastError = null;
            await SaveAsync(db, cancellationToken);
            LogDone(logger, action.Kind, action.ContactId, action.Attempts);
            return true;
        }
        catch (GhlApiException exception)
        {
            action.LastError = Truncate(exception.Message);
            if (exception.IsPermanent || (sendsText && exception.OutcomeUnknown))
            {
                action.Status = GhlActionStatus.Failed;
                LogFailed(logger, action.Kind, action.ContactId, (int?)exception.StatusCode, exception.OutcomeUnknown);
            }
            else
            {
                var delay = TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, 10 * Math.Pow(2, Math.Min(action.Attempts - 1, 16))));
                action.Status = GhlActionStatus.Pending;
                action.NextAttemptAt = time.GetUtcNow().UtcDateTime + delay;
                LogRetry(logger, action.Kind, action.ContactId, action.Attempts, (int?)exception.StatusCode, delay);
            }

            await SaveAsync(db, cancellationToken);
            return false;
        }
    }

    private async Task<string?> CallAsync(SdrGhlAction action, CancellationToken cancellationToken)
    {
        switch (action.Kind)
        {
            case GhlActionKinds.SetSmsDnd:
            case GhlActionKinds.ClearSmsDnd:
                var status = action.Kind == GhlActionKinds.SetSmsDnd ? "active" : "inactive";
                var message = action.Kind == GhlActionKinds.SetSmsDnd ? "Opted out by reply (SDR Agent)" : "Consent renewed by reply (SDR Agent)";
                await ghl.UpdateDndAsync(action.LocationId, action.ContactId, new GhlDndUpdate(null, new Dictionary<string, GhlDndChannel> { ["SMS"] = new(status, message) }), cancellationToken);
                return null;
            case GhlActionKinds.AddTag:
                await ghl.AddTagsAsync(action.LocationId, action.ContactId, [action.Payload!], cancellationToken);
                return null;
            case GhlActionKinds.RemoveTag:
                await ghl.RemoveTagsAsync(action.LocationId, action.ContactId, [action.Payload!], cancellationToken);
                return null;
            case GhlActionKinds.OptOutConfirmation:
            case GhlActionKinds.HelpReply:
                var result = await ghl.SendMessageAsync(action.LocationId, new GhlOutboundMessage(GhlMessageType.Sms, action.ContactId, action.Payload!), cancellationToken);
                return result.MessageId;
            default:
                throw new InvalidOperationException($"Unknown GHL action kind {action.Kind}.");
        }
    }

    private static string Truncate(string value) => value.Length > 500 ? value[..500] : value;

    /// <summary>Saves in this process's turn to write (never across a GHL call): see <see cref="SqliteWriteGate"/>.</summary>
    private async Task SaveAsync(SdrDbContext db, CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "GHL {Kind} for contact {ContactId} done after {Attempts} attempt(s)")]
    private static partial void LogDone(ILogger logger, string kind, string contactId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GHL {Kind} for contact {ContactId} failed (attempt {Attempt}, status {Status}); retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, string kind, string contactId, int attempt, int? status, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "GHL {Kind} for contact {ContactId} given up (status {Status}, outcome unknown: {OutcomeUnknown})")]
    private static partial void LogFailed(ILogger logger, string kind, string contactId, int? status, bool outcomeUnknown);
}
