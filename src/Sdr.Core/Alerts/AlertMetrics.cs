using System.Diagnostics.Metrics;
using Sdr.Core.Data.Entities;
using Sdr.Core.GoHighLevel.Resilience;

namespace Sdr.Core.Alerts;

/// <summary>
/// The figures alerts watch, as OpenTelemetry instruments on the meter <see cref="MeterName"/> (scraped at <c>/metrics</c>,
/// or exported over OTLP): the stored ones as of this instance's last evaluation (every <c>evaluation_interval_seconds</c>),
/// so a scrape never queries the database; the circuit states live.
/// </summary>
public sealed class AlertMetrics
{
    public const string MeterName = "Sdr.Alerts";

    public AlertMetrics(IMeterFactory meters, SdrMetricsCollector collector, GhlCircuitBreakerRegistry circuits)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("sdr.alerts.open", () => collector.OpenByKind.Select(k => Measure(k.Value, "kind", k.Key.ToName())),
            "{alert}", "Open alerts by kind");
        meter.CreateObservableGauge("sdr.webhooks.backlog", () => One(Latest(collector)?.WebhookBacklog),
            "{event}", "Unprocessed webhook events");
        meter.CreateObservableGauge("sdr.webhooks.backlog.oldest_age", () => One(Latest(collector)?.WebhookOldestAgeSeconds),
            "s", "Age of the oldest unprocessed webhook event");
        meter.CreateObservableGauge("sdr.ghl.action_queue.oldest_age", () => (Latest(collector)?.GhlQueueOldestAgeSeconds ?? new Dictionary<string, double>()).Select(q => Measure(q.Value, "location_id", q.Key)),
            "s", "Age of the oldest pending GHL write, per location");
        meter.CreateObservableGauge("sdr.dispatch.failure_rate", () => (Latest(collector)?.DispatchFailures ?? new Dictionary<string, (double, int)>()).Select(d => Measure(d.Value.Rate, "location_id", d.Key)),
            "1", "Share of GHL sends that failed in the alert window, per location");
        meter.CreateObservableGauge("sdr.ghl.circuit_state", () => circuits.Snapshot().Select(c => Measure(CircuitValue(c.Value), "location_id", c.Key)),
            "{state}", "GHL circuit breaker per location: 0 closed, 1 half-open, 2 open");
        meter.CreateObservableGauge("sdr.llm.failures", () => One(Latest(collector)?.LlmFailures),
            "{call}", "Language model calls that timed out or failed in the alert window");
        meter.CreateObservableGauge("sdr.llm.calls", () => One(Latest(collector)?.LlmCalls),
            "{call}", "Language model calls in the alert window");
        meter.CreateObservableGauge("sdr.sms_cap.deferrals", () => (Latest(collector)?.SmsCapDeferrals ?? new Dictionary<string, int>()).Select(s => Measure(s.Value, "location_id", s.Key)),
            "{message}", "Messages deferred today (UTC) by the location's daily SMS cap");
    }

    private static AlertReadings? Latest(SdrMetricsCollector collector) =>
        collector.Latest is { } readings && readings != AlertReadings.None ? readings : null;

    private static int CircuitValue(GhlCircuitState state) => state switch
    {
        GhlCircuitState.Open => 2,
        GhlCircuitState.HalfOpen => 1,
        _ => 0,
    };

    /// <summary>No measurement before the first evaluation: a zero would claim a figure nobody read.</summary>
    private static IEnumerable<Measurement<T>> One<T>(T? value)
        where T : struct => value is { } v ? [new Measurement<T>(v)] : [];

    private static Measurement<T> Measure<T>(T value, string tag, string tagValue)
        where T : struct => new(value, new KeyValuePair<string, object?>(tag, tagValue));
}
