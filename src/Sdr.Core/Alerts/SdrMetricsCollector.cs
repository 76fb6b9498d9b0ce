using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Alerts;

/// <summary>
/// The seed's SdrMetricsCollector in the AlertingService role: each evaluation reads every watched condition
/// (<see cref="AlertConditions"/>), opens an alert for a condition that started (once, across every instance sharing the
/// database), resolves one whose condition has been clear for <c>cool_down_minutes</c>, and posts the due notices
/// (opening, then recovery) to the alert webhook, retrying a failed post with backoff on later evaluations. Every
/// notice goes to the log too. The figures of the last evaluation feed the metrics (<see cref="AlertMetrics"/>).
/// </summary>
public sealed partial class SdrMetricsCollector(
    AlertConditions conditions,
    AlertStore store,
    AlertNotifier notifier,
    IOptionsMonitor<AlertsOptions> options,
    TimeProvider time,
    ILogger<SdrMetricsCollector> logger)
{
    private static readonly TimeSpan DeliveryLease = TimeSpan.FromMinutes(2);
    private const int MaxNoticesPerEvaluation = 50;

    private volatile AlertReadings _latest = AlertReadings.None;
    private volatile IReadOnlyDictionary<AlertKind, int> _openByKind = new Dictionary<AlertKind, int>();

    /// <summary>What the last evaluation of this instance read (<see cref="AlertReadings.None"/> before the first).</summary>
    public AlertReadings Latest => _latest;

    /// <summary>Open alerts by kind after the last evaluation of this instance.</summary>
    public IReadOnlyDictionary<AlertKind, int> OpenByKind => _openByKind;

    public async Task<AlertEvaluation> EvaluateAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var settings = options.CurrentValue;
        var readings = await conditions.ReadAsync(now, cancellationToken);
        _latest = readings;

        var open = await store.ListOpenAsync(cancellationToken);
        var openByKey = open.ToDictionary(a => a.Key, StringComparer.Ordinal);
        var opened = 0;
        var resolved = 0;
        foreach (var observation in readings.Observations.Where(o => o.Active))
        {
            if (openByKey.TryGetValue(observation.Key, out var existing))
            {
                await store.ObserveAsync(existing.Id, observation.Value, now, clearSince: null, cancellationToken);
                continue;
            }

            var alert = new SdrAlert
            {
                Key = observation.Key,
                Kind = observation.Kind,
                LocationId = observation.LocationId,
                Severity = observation.Severity,
                Summary = Truncate(observation.Summary, 500),
                OpenedAt = now,
                LastValue = observation.Value,
                Threshold = observation.Threshold,
                LastEvaluatedAt = now,
                NoticeState = notifier.IsConfigured ? AlertDelivery.Pending : AlertDelivery.Skipped,
                NextDeliveryAt = notifier.IsConfigured ? now : null,
            };
            if (await store.TryOpenAsync(alert, cancellationToken))
            {
                opened++;
                LogOpened(logger, alert.Severity == AlertSeverity.Critical ? LogLevel.Error : LogLevel.Warning, alert.Key, alert.Severity.ToName(), alert.Summary);
            }
        }

        foreach (var alert in open)
        {
            if (readings.ClearObservationFor(alert) is not { } clear)
            {
                continue;
            }

            var clearSince = alert.ClearSince ?? now;
            if (now - clearSince < settings.CoolDown)
            {
                if (alert.ClearSince is null)
                {
                    await store.ObserveAsync(alert.Id, clear.Value, now, clearSince, cancellationToken);
                }

                continue;
            }

            if (await store.TryResolveAsync(alert.Id, clear.Value, now, notifier.IsConfigured ? AlertDelivery.Pending : AlertDelivery.Skipped, cancellationToken))
            {
                resolved++;
                LogResolved(logger, alert.Key, (now - alert.OpenedAt).TotalMinutes, alert.Summary);
            }
        }

        var (sent, failed) = await DeliverDueAsync(now, settings, cancellationToken);
        var stillOpen = await store.ListOpenAsync(cancellationToken);
        _openByKind = Enum.GetValues<AlertKind>().ToDictionary(kind => kind, kind => stillOpen.Count(a => a.Kind == kind));
        return new AlertEvaluation(now, opened, resolved, stillOpen.Count, sent, failed);
    }

    /// <summary>Posts the notices that are due, each claimed first so that one instance posts it.</summary>
    private async Task<(int Sent, int Failed)> DeliverDueAsync(DateTime now, AlertsOptions settings, CancellationToken cancellationToken)
    {
        var due = await store.ClaimDueNoticesAsync(now, now + DeliveryLease, MaxNoticesPerEvaluation, cancellationToken);
        var (sent, failed) = (0, 0);
        foreach (var alert in due)
        {
            try
            {
                if (alert.NoticeState == AlertDelivery.Pending)
                {
                    var ok = await DeliverAsync(alert, recovery: false, now, settings, cancellationToken);
                    (sent, failed) = ok ? (sent + 1, failed) : (sent, failed + 1);
                }

                // The recovery follows its opening notice, never overtakes it.
                if (alert.NoticeState != AlertDelivery.Pending && alert.RecoveryState == AlertDelivery.Pending)
                {
                    var ok = await DeliverAsync(alert, recovery: true, now, settings, cancellationToken);
                    (sent, failed) = ok ? (sent + 1, failed) : (sent, failed + 1);
                }
            }
            finally
            {
                await store.SaveDeliveryAsync(alert, CancellationToken.None);
            }
        }

        return (sent, failed);
    }

    private async Task<bool> DeliverAsync(SdrAlert alert, bool recovery, DateTime now, AlertsOptions settings, CancellationToken cancellationToken)
    {
        var error = notifier.IsConfigured ? await notifier.PostAsync(alert, recovery, now, cancellationToken) : null;
        var state = !notifier.IsConfigured ? AlertDelivery.Skipped : error is null ? AlertDelivery.Sent : AlertDelivery.Pending;
        if (error is not null)
        {
            alert.DeliveryAttempts++;
            alert.LastDeliveryError = Truncate(error, 200);
            if (alert.DeliveryAttempts >= settings.DeliveryMaxAttempts)
            {
                state = AlertDelivery.Failed;
                LogDeliveryGaveUp(logger, alert.Key, recovery ? "recovery" : "opening", alert.DeliveryAttempts, error);
            }
            else
            {
                alert.NextDeliveryAt = now + settings.DeliveryBackoff(alert.DeliveryAttempts);
                LogDeliveryFailed(logger, alert.Key, recovery ? "recovery" : "opening", alert.DeliveryAttempts, error);
            }
        }

        if (state != AlertDelivery.Pending)
        {
            alert.DeliveryAttempts = 0;
            alert.NextDeliveryAt = now;
        }

        if (recovery)
        {
            alert.RecoveryState = state;
            alert.RecoverySentAt = state == AlertDelivery.Sent ? now : alert.RecoverySentAt;
        }
        else
        {
            alert.NoticeState = state;
            alert.NoticeSentAt = state == AlertDelivery.Sent ? now : alert.NoticeSentAt;
        }

        return state == AlertDelivery.Sent;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    [LoggerMessage(Message = "Alert opened: {Key} ({Severity}): {Summary}")]
    private static partial void LogOpened(ILogger logger, LogLevel level, string key, string severity, string summary);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert resolved: {Key} after {Minutes:0.#} min: {Summary}")]
    private static partial void LogResolved(ILogger logger, string key, double minutes, string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {Key}: the {Notice} notice was not delivered (attempt {Attempt}: {Error}); it will be tried again")]
    private static partial void LogDeliveryFailed(ILogger logger, string key, string notice, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert {Key}: the {Notice} notice was not delivered after {Attempts} attempts ({Error}); the alert is kept")]
    private static partial void LogDeliveryGaveUp(ILogger logger, string key, string notice, int attempts, string error);
}

/// <summary>What one evaluation did.</summary>
public sealed record AlertEvaluation(DateTime At, int Opened, int Resolved, int Open, int NoticesSent, int NoticesFailed);
