using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Compliance.Conversations;

/// <summary>
/// Sends queued conversational messages, on every instance: each pass expires what missed its window,
/// claims due messages with a lease, passes them through the same outbound stages as a cadence touch
/// (<see cref="OutboundPipeline.SendMessagesAsync"/>), reserves them (<c>sending</c>, committed) before
/// the GHL call and records the outcome. A deferred message waits until the stage's time, a blocked one
/// keeps the reason, a lost answer leaves it <c>unknown</c> and it is never sent again; a refusal GHL
/// surely did not act on is retried with backoff (within the message's window).
/// </summary>
public sealed partial class OutboundMessageRunner(IServiceScopeFactory scopes, TimeProvider time, ILogger<OutboundMessageRunner> logger)
{
    /// <summary>GHL calls a pass makes at the same time (GHL's rate limit per location is kept by the client).</summary>
    public const int MaxConcurrency = 4;

    public const string ExpiredReason = "not sent within its window after the prospect's message; never sent";
    public const string LostReason = "outcome unknown after a restart; not re-sent";

    private const int MaxAttempts = 5;

    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    /// <summary>How long a claim keeps other instances off a message (and how long one left sending by a crash waits before it is called unknown).</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>Runs up to <paramref name="max"/> due messages; returns how many it settled (sent, or not to be sent).</summary>
    public async Task<int> RunDueAsync(int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<OutboundMessageStore>();
        var expired = await store.ExpireAsync(now, ExpiredReason, cancellationToken);
        if (expired > 0)
        {
            LogExpired(logger, expired);
        }

        await store.MarkLostAsync(now, LostReason, cancellationToken);

        // Whole milliseconds: the reservation finds its claim by this value, as the database stored it.
        var leaseUntil = TruncateToMilliseconds(now + Lease);
        var claimed = await store.ClaimDueAsync(now, leaseUntil, max, cancellationToken);
        if (claimed.Count == 0)
        {
            return expired;
        }

        var prospects = (await store.ProspectsOfAsync([.. claimed.Select(m => m.ContactId).Distinct()], cancellationToken))
            .GroupBy(p => (p.LocationId, p.ContactId))
            .ToDictionary(g => g.Key, g => g.First());
        var requests = claimed
            .Select(m => OutboundRequest.Conversational(m.Purpose, m.LocationId, m.ContactId, m.Channel, new ComposedMessage(m.Body ?? string.Empty, m.Subject), now) with
            {
                Recipient = prospects.TryGetValue((m.LocationId, m.ContactId), out var prospect) ? RecipientInfo.For(prospect) : RecipientInfo.Unknown,
            })
            .ToList();

        var pipeline = scope.ServiceProvider.GetRequiredService<OutboundPipeline>();
        IReadOnlyList<DispatchOutcome> outcomes;
        try
        {
            outcomes = await pipeline.SendMessagesAsync(
                requests,
                (indexes, token) => store.ReserveAsync([.. indexes.Select(i => claimed[i].Id)], leaseUntil, token),
                MaxConcurrency,
                cancellationToken);
        }
        catch
        {
            // What was not reserved goes back to the queue at once; what was reserved stays sending and is never sent again.
            await store.ReleaseClaimsAsync([.. claimed.Select(m => m.Id)], CancellationToken.None);
            throw;
        }

        var settled = expired;
        var after = time.GetUtcNow().UtcDateTime;
        for (var i = 0; i < claimed.Count; i++)
        {
            var message = claimed[i];
            if (!Apply(message, outcomes[i], after))
            {
                continue;
            }

            // Recorded even when stopping: GHL may have acted on it.
            await store.SaveOutcomeAsync(message, after, CancellationToken.None);
            if (message.Status != OutboundMessageStatus.Pending)
            {
                settled++;
            }
        }

        return settled;
    }

    /// <summary>Moves the message to its outcome's state; false when there is nothing to write (another worker holds it).</summary>
    private bool Apply(SdrOutboundMessage message, DispatchOutcome outcome, DateTime now)
    {
        var purpose = message.Purpose.ToName();
        switch (outcome.Kind)
        {
            case DispatchResultKind.Sent:
                message.Attempts++;
                (message.Status, message.SentAt, message.GhlMessageId, message.Reason) = (OutboundMessageStatus.Sent, now, outcome.GhlMessageId, null);
                LogSent(logger, purpose, message.ContactId);
                return true;
            case DispatchResultKind.OutcomeUnknown:
                message.Attempts++;
                (message.Status, message.Reason) = (OutboundMessageStatus.Unknown, Truncate(outcome.Reason));
                return true;
            case DispatchResultKind.Deferred:
                (message.NotBefore, message.Reason) = (outcome.Until ?? now, Truncate(outcome.Reason));
                LogDeferred(logger, purpose, message.ContactId, message.NotBefore);
                return true;
            case DispatchResultKind.Blocked:
                (message.Status, message.Reason) = (OutboundMessageStatus.Blocked, Truncate(outcome.Reason));
                LogBlocked(logger, purpose, message.ContactId, message.Status.ToName());
                return true;
            case DispatchResultKind.Failed:
                message.Attempts++;
                message.Reason = Truncate(outcome.Reason);
                if (message.Attempts >= MaxAttempts)
                {
                    message.Status = OutboundMessageStatus.Failed;
                    LogBlocked(logger, purpose, message.ContactId, message.Status.ToName());
                }
                else
                {
                    message.Status = OutboundMessageStatus.Pending;
                    message.NotBefore = now + TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, 10 * Math.Pow(2, message.Attempts - 1)));
                }

                return true;
            default:
                return false;
        }
    }

    private static DateTime TruncateToMilliseconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    private static string Truncate(string value) => value.Length > 500 ? value[..500] : value;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Purpose} to contact {ContactId}")]
    private static partial void LogSent(ILogger logger, string purpose, string contactId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deferred {Purpose} to contact {ContactId} until {Until:O}")]
    private static partial void LogDeferred(ILogger logger, string purpose, string contactId, DateTime until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Did not send {Purpose} to contact {ContactId} ({Status})")]
    private static partial void LogBlocked(ILogger logger, string purpose, string contactId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} conversational message(s) expired before they could be sent")]
    private static partial void LogExpired(ILogger logger, int count);
}
