using Microsoft.Extensions.Logging;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.GoHighLevel;

namespace Sdr.Core.Outbox;

/// <summary>
/// Carries queued writes to GHL out (DND, tags, notes), on every instance: each pass claims its rows through the
/// <see cref="OutboxStore"/>, so no write is done twice at once. DND and tag updates are retried with
/// backoff until GHL accepts them (only a permanent refusal, such as a deleted contact, stops them).
/// Texts are not written here: they go out through the outbound stages (<c>Compliance/Conversations</c>); an SMS DND
/// write waits for the contact's opt-out confirmation there, since GHL refuses to text a contact once DND
/// is set. A pass works on up to <see cref="MaxConcurrency"/> contacts at once, each contact's actions one
/// after another in the order they were queued (GHL's rate limit per location is kept by the client).
/// </summary>
public sealed partial class GhlActionRunner(OutboxStore store, IGoHighLevelClient ghl, TimeProvider time, IEnumerable<IOutboxActionHandler> handlers, ILogger<GhlActionRunner> logger)
{
    /// <summary>Contacts whose actions a pass carries out at the same time.</summary>
    public const int MaxConcurrency = 4;

    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan ConfirmationFirst = TimeSpan.FromSeconds(30);

    /// <summary>How long a claim keeps other instances off an action (a pass that dies leaves it this long).</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Runs up to <paramref name="max"/> due actions; returns how many completed.</summary>
    public async Task<int> RunDueAsync(int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claimed = await store.ClaimDueAsync(now, now + Lease, max, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var done = 0;
        var contacts = claimed.GroupBy(a => (a.LocationId, a.ContactId));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(contacts, parallel, async (actions, token) =>
        {
            foreach (var action in actions)
            {
                // GHL refuses to text a contact once SMS DND is set: the opt-out confirmation goes first.
                if (action.Kind == GhlActionKinds.SetSmsDnd
                    && await store.DeferWhileConfirmationWaitsAsync(action, now, now + ConfirmationFirst, token))
                {
                    continue;
                }

                if (await RunAsync(action, token))
                {
                    Interlocked.Increment(ref done);
                }
            }
        });

        return done;
    }

    private async Task<bool> RunAsync(SdrGhlAction action, CancellationToken cancellationToken)
    {
        action.Attempts++;
        if (GhlActionKinds.IsLegacyText(action.Kind))
        {
            // Queued by an earlier version: texts now pass the outbound stages, and this one is past its five minutes.
            action.Status = GhlActionStatus.Failed;
            action.LastError = LegacyTextError;
            await store.SaveOutcomeAsync(action, CancellationToken.None);
            LogFailed(logger, action.Kind, action.ContactId, null, false);
            return false;
        }

        try
        {
            action.GhlMessageId = await CallAsync(action, cancellationToken);
            action.Status = GhlActionStatus.Done;
            action.CompletedAt = time.GetUtcNow().UtcDateTime;
            action.LastError = null;

            // Recorded even when stopping: GHL has done it.
            await store.SaveOutcomeAsync(action, CancellationToken.None);
            LogDone(logger, action.Kind, action.ContactId, action.Attempts);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var ghlError = exception as GhlApiException;
            var outcomeUnknown = ghlError?.OutcomeUnknown ?? true;
            action.LastError = Truncate(exception.Message);
            if (ghlError?.IsPermanent == true)
            {
                action.Status = GhlActionStatus.Failed;
                LogFailed(logger, action.Kind, action.ContactId, (int?)ghlError?.StatusCode, outcomeUnknown);
            }
            else
            {
                var delay = TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, 10 * Math.Pow(2, Math.Min(action.Attempts - 1, 16))));
                action.Status = GhlActionStatus.Pending;
                action.NextAttemptAt = time.GetUtcNow().UtcDateTime + delay;
                LogRetry(logger, action.Kind, action.ContactId, action.Attempts, (int?)ghlError?.StatusCode, delay);
            }

            await store.SaveOutcomeAsync(action, CancellationToken.None);
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
            case GhlActionKinds.AddNote:
                await ghl.AddNoteAsync(action.LocationId, action.ContactId, action.Payload!, cancellationToken);
                return null;
            default:
                return handlers.FirstOrDefault(h => h.Kind == action.Kind) is { } handler
                    ? await handler.RunAsync(action, cancellationToken)
                    : throw new InvalidOperationException($"Unknown GHL action kind {action.Kind}.");
        }
    }

    /// <summary>Why a text left in this queue by an earlier version is not sent (the migration gives old rows the same reason).</summary>
    public const string LegacyTextError = "texts now go out from sdr_outbound_messages through the outbound stages; this queued text was not sent";

    private static string Truncate(string value) => value.Length > 500 ? value[..500] : value;

    [LoggerMessage(Level = LogLevel.Information, Message = "GHL {Kind} for contact {ContactId} done after {Attempts} attempt(s)")]
    private static partial void LogDone(ILogger logger, string kind, string contactId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GHL {Kind} for contact {ContactId} failed (attempt {Attempt}, status {Status}); retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, string kind, string contactId, int attempt, int? status, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "GHL {Kind} for contact {ContactId} given up (status {Status}, outcome unknown: {OutcomeUnknown})")]
    private static partial void LogFailed(ILogger logger, string kind, string contactId, int? status, bool outcomeUnknown);
}
