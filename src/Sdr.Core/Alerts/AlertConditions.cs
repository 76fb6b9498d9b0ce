using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sdr.Core.Ai;
using Sdr.Core.Compliance.Caps;
using Sdr.Core.Configuration;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.GoHighLevel.Resilience;

namespace Sdr.Core.Alerts;

/// <summary>
/// Reads every watched condition from where it really is: the circuit breakers of this instance, the dispatch
/// decisions (sends, failures, deferrals by the SMS cap), the webhook inbox, the GHL outbox and the language model's
/// calls. Read only; what opens or resolves an alert is <see cref="SdrMetricsCollector"/>'s business.
/// </summary>
public sealed class AlertConditions(
    IServiceScopeFactory scopes,
    GhlCircuitBreakerRegistry circuits,
    IOptionsMonitor<AlertsOptions> options,
    IOptionsMonitor<RateLimitOptions> limits)
{
    private static readonly string SmsCapReason = $"{CapsStage.StageName}: {CapsStage.SmsCapReasonStart}";

    public async Task<AlertReadings> ReadAsync(DateTime now, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        var observations = new List<AlertObservation>();

        var circuitStates = circuits.Snapshot();
        foreach (var (locationId, state) in circuitStates.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var open = state != GhlCircuitState.Closed;
            observations.Add(new AlertObservation(AlertKind.CircuitOpen, locationId, open, open ? 1 : 0, 1,
                $"GHL circuit breaker {(state == GhlCircuitState.HalfOpen ? "half-open" : state == GhlCircuitState.Open ? "open" : "closed")} for location {locationId}: calls to GHL fail fast"));
        }

        var smsCap = await SmsCapDeferralsAsync(db, now, cancellationToken);
        var cap = limits.CurrentValue.DailySmsCap;
        foreach (var (locationId, count) in smsCap)
        {
            observations.Add(new AlertObservation(AlertKind.SmsCapReached, locationId, count > 0, count, cap,
                Invariant($"Daily SMS cap of {cap} reached for location {locationId}: {count} message(s) deferred to tomorrow (UTC) so far")));
        }

        var dispatch = await DispatchFailuresAsync(db, now - settings.DispatchFailureWindow, now, cancellationToken);
        foreach (var (locationId, (rate, attempts)) in dispatch)
        {
            var active = attempts >= settings.DispatchFailureMinAttempts && rate >= settings.DispatchFailureRate;
            observations.Add(new AlertObservation(AlertKind.DispatchFailureRate, locationId, active, rate, settings.DispatchFailureRate,
                Invariant($"Dispatch failure rate {rate:P0} for location {locationId}: {Math.Round(rate * attempts)} of {attempts} GHL sends of cadence touches failed in the last {settings.DispatchFailureWindowMinutes} min (threshold {settings.DispatchFailureRate:P0})")));
        }

        // Two plain aggregates: a GroupBy on a constant with FirstOrDefault makes EF warn on every evaluation.
        var pending = db.WebhookEvents.Where(e => e.Status == WebhookEventStatus.Pending);
        var backlogCount = await pending.CountAsync(cancellationToken);
        var oldestPending = backlogCount == 0 ? null : await pending.MinAsync(e => (DateTime?)e.ReceivedAt, cancellationToken);
        var backlogAge = oldestPending is { } oldest ? Positive(now - oldest) : TimeSpan.Zero;
        var backlogActive = backlogCount >= settings.WebhookBacklogMaxEvents || (backlogCount > 0 && backlogAge >= settings.WebhookBacklogMaxAge);
        observations.Add(new AlertObservation(AlertKind.WebhookBacklog, null, backlogActive, backlogCount, settings.WebhookBacklogMaxEvents,
            Invariant($"Webhook backlog: {backlogCount} unprocessed event(s), the oldest {backlogAge.TotalMinutes:0.#} min old (thresholds {settings.WebhookBacklogMaxEvents} events, {settings.WebhookBacklogMaxAgeMinutes:0.#} min)")));

        var queue = await db.GhlActions.Where(a => a.Status == GhlActionStatus.Pending)
            .GroupBy(a => a.LocationId).Select(g => new { LocationId = g.Key, Oldest = g.Min(a => a.CreatedAt), Count = g.Count() })
            .ToListAsync(cancellationToken);
        var queueAges = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var location in queue.OrderBy(q => q.LocationId, StringComparer.Ordinal))
        {
            var age = Positive(now - location.Oldest);
            queueAges[location.LocationId] = age.TotalSeconds;
            observations.Add(new AlertObservation(AlertKind.GhlQueueStuck, location.LocationId, age >= settings.GhlQueueMaxAge, Math.Round(age.TotalMinutes, 1), settings.GhlQueueMaxAgeMinutes,
                Invariant($"GHL action queue stuck for location {location.LocationId}: {location.Count} pending write(s), the oldest {age.TotalMinutes:0} min old (threshold {settings.GhlQueueMaxAgeMinutes:0.#} min)")));
        }

        var llmSince = now - settings.LlmFailureWindow;
        var llm = await db.LlmCalls.Where(c => c.At >= llmSince && c.At <= now)
            .GroupBy(c => c.Succeeded || c.FallbackReason == null || !(c.FallbackReason == LlmFallbackReasons.Timeout || c.FallbackReason.StartsWith("error:")))
            .Select(g => new { Fine = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var llmFailures = llm.Where(g => !g.Fine).Sum(g => g.Count);
        var llmCalls = llm.Sum(g => g.Count);
        var llmRate = llmCalls == 0 ? 0 : (double)llmFailures / llmCalls;
        observations.Add(new AlertObservation(AlertKind.LlmFailing, null, llmFailures >= settings.LlmFailureMinCalls && llmRate >= settings.LlmFailureRate, llmRate, settings.LlmFailureRate,
            Invariant($"Language model failing: {llmFailures} of {llmCalls} calls timed out or failed in the last {settings.LlmFailureWindowMinutes} min (threshold {settings.LlmFailureRate:P0}); replies fall back to patterns and templates")));

        return new AlertReadings(now, observations)
        {
            Circuits = circuitStates,
            SmsCapDeferrals = smsCap,
            DispatchFailures = dispatch,
            WebhookBacklog = backlogCount,
            WebhookOldestAgeSeconds = backlogAge.TotalSeconds,
            GhlQueueOldestAgeSeconds = queueAges,
            LlmCalls = llmCalls,
            LlmFailures = llmFailures,
        };
    }

    /// <summary>Per location: cadence touches and conversational messages deferred today (UTC) by its daily SMS cap.</summary>
    private static async Task<Dictionary<string, int>> SmsCapDeferralsAsync(SdrDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var midnight = now.Date;
        var touches = await (
                from d in db.DispatchDecisions
                where d.At >= midnight && d.At <= now && d.Outcome == DecisionOutcome.Deferred && d.Reason.StartsWith(SmsCapReason)
                join s in db.Sequences on d.SequenceId equals s.Id
                group d by s.LocationId into g
                select new { LocationId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var messages = await db.OutboundMessages
            .Where(m => m.Status == OutboundMessageStatus.Pending && m.NotBefore > now && m.Reason != null && m.Reason.StartsWith(SmsCapReason))
            .GroupBy(m => m.LocationId).Select(g => new { LocationId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in touches.Concat(messages))
        {
            counts[row.LocationId] = counts.GetValueOrDefault(row.LocationId) + row.Count;
        }

        return counts;
    }

    /// <summary>
    /// Per location: the share of the cadence's GHL sends in the window that failed, and how many sends there were. A
    /// send that went out is its confirmed touch (sent decisions have no row of their own); one that failed, or whose
    /// outcome was lost, is a <c>failed</c> decision.
    /// </summary>
    private static async Task<Dictionary<string, (double Rate, int Attempts)>> DispatchFailuresAsync(SdrDbContext db, DateTime since, DateTime now, CancellationToken cancellationToken)
    {
        var sent = await db.Touches
            .Where(t => t.SentAt >= since && t.SentAt <= now && t.Status == TouchStatus.Sent)
            .GroupBy(t => t.LocationId).Select(g => new { LocationId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var failed = await (
                from d in db.DispatchDecisions
                where d.At >= since && d.At <= now && d.Outcome == DecisionOutcome.Failed
                join s in db.Sequences on d.SequenceId equals s.Id
                group d by s.LocationId into g
                select new { LocationId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var result = new Dictionary<string, (double Rate, int Attempts)>(StringComparer.Ordinal);
        foreach (var locationId in sent.Select(r => r.LocationId).Union(failed.Select(r => r.LocationId), StringComparer.Ordinal))
        {
            var failures = failed.Where(r => r.LocationId == locationId).Sum(r => r.Count);
            var attempts = failures + sent.Where(r => r.LocationId == locationId).Sum(r => r.Count);
            result[locationId] = ((double)failures / attempts, attempts);
        }

        return result;
    }

    private static TimeSpan Positive(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
