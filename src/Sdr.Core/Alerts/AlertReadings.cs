using Sdr.Core.Data.Entities;
using Sdr.Core.GoHighLevel.Resilience;

namespace Sdr.Core.Alerts;

/// <summary>
/// What one evaluation read from the stored state and the circuit breakers: every condition's observations and the
/// figures behind them, which the metrics report until the next evaluation.
/// </summary>
public sealed record AlertReadings(DateTime At, IReadOnlyList<AlertObservation> Observations)
{
    public static readonly AlertReadings None = new(DateTime.MinValue, []);

    public int WebhookBacklog { get; init; }

    public double WebhookOldestAgeSeconds { get; init; }

    /// <summary>Per location: the age of its oldest pending GHL write.</summary>
    public IReadOnlyDictionary<string, double> GhlQueueOldestAgeSeconds { get; init; } = new Dictionary<string, double>();

    /// <summary>Per location: failed / (sent + failed) over the window, and the sends counted.</summary>
    public IReadOnlyDictionary<string, (double Rate, int Attempts)> DispatchFailures { get; init; } = new Dictionary<string, (double, int)>();

    /// <summary>Per location: messages deferred by its daily SMS cap today (UTC).</summary>
    public IReadOnlyDictionary<string, int> SmsCapDeferrals { get; init; } = new Dictionary<string, int>();

    public int LlmCalls { get; init; }

    public int LlmFailures { get; init; }

    public IReadOnlyDictionary<string, GhlCircuitState> Circuits { get; init; } = new Dictionary<string, GhlCircuitState>();

    /// <summary>
    /// Whether this evaluation can tell that an open alert's condition is over. The stored conditions are read for every
    /// location, so a location not seen is clear; the circuit breakers live in each instance, so an instance that never
    /// called a location says nothing about it.
    /// </summary>
    public AlertObservation? ClearObservationFor(SdrAlert alert)
    {
        var seen = Observations.FirstOrDefault(o => o.Key == alert.Key);
        if (seen is not null)
        {
            return seen.Active ? null : seen;
        }

        return alert.Kind == AlertKind.CircuitOpen ? null : new AlertObservation(alert.Kind, alert.LocationId, false, 0, alert.Threshold, "condition no longer seen");
    }
}
