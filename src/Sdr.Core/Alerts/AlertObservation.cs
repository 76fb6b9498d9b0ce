using Sdr.Core.Data.Entities;

namespace Sdr.Core.Alerts;

/// <summary>One condition for one location (or the whole install) as one evaluation saw it.</summary>
/// <param name="Value">The watched figure (a rate 0–1, a count, or an age in minutes).</param>
/// <param name="Threshold">What the figure is compared with.</param>
/// <param name="Summary">Plain words for the log and the notice: figures and ids only.</param>
public sealed record AlertObservation(AlertKind Kind, string? LocationId, bool Active, double Value, double Threshold, string Summary)
{
    public string Key => SdrAlert.KeyOf(Kind, LocationId);

    public AlertSeverity Severity => Kind switch
    {
        AlertKind.CircuitOpen or AlertKind.DispatchFailureRate or AlertKind.WebhookBacklog => AlertSeverity.Critical,
        _ => AlertSeverity.Warning,
    };
}
