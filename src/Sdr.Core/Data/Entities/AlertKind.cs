namespace Sdr.Core.Data.Entities;

/// <summary>The conditions an alert watches. Stored as its snake_case name (<c>circuit_open</c>, <c>webhook_backlog</c>, ...).</summary>
public enum AlertKind
{
    /// <summary>The GHL circuit breaker of a location is open (or half-open, waiting for its trial call).</summary>
    CircuitOpen,

    /// <summary>A location's <c>daily_sms_cap</c> deferred texts today (UTC).</summary>
    SmsCapReached,

    /// <summary>Too many of a location's recent GHL sends failed.</summary>
    DispatchFailureRate,

    /// <summary>Too many unprocessed webhook events, or the oldest one waits too long.</summary>
    WebhookBacklog,

    /// <summary>The oldest pending GHL write of a location waits too long.</summary>
    GhlQueueStuck,

    /// <summary>Too many recent language model calls timed out or failed.</summary>
    LlmFailing,
}

/// <summary>How urgent an alert is. Stored as its lower-case name.</summary>
public enum AlertSeverity
{
    Warning,
    Critical,
}

/// <summary>Where a notice (opening or recovery) of an alert stands with the alert webhook. Stored as its lower-case name.</summary>
public enum AlertDelivery
{
    /// <summary>Still to be posted (or to be tried again after a failure, at <see cref="SdrAlert.NextDeliveryAt"/>).</summary>
    Pending,
    Sent,

    /// <summary>Every attempt failed; the alert is kept and the notice is only in the log.</summary>
    Failed,

    /// <summary>No webhook is configured: the notice went to the log only.</summary>
    Skipped,
}

public static class AlertNames
{
    public static string ToName(this AlertKind kind) => kind switch
    {
        AlertKind.CircuitOpen => "circuit_open",
        AlertKind.SmsCapReached => "sms_cap_reached",
        AlertKind.DispatchFailureRate => "dispatch_failure_rate",
        AlertKind.WebhookBacklog => "webhook_backlog",
        AlertKind.GhlQueueStuck => "ghl_queue_stuck",
        AlertKind.LlmFailing => "llm_failing",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static AlertKind ParseKind(string name) => name switch
    {
        "circuit_open" => AlertKind.CircuitOpen,
        "sms_cap_reached" => AlertKind.SmsCapReached,
        "dispatch_failure_rate" => AlertKind.DispatchFailureRate,
        "webhook_backlog" => AlertKind.WebhookBacklog,
        "ghl_queue_stuck" => AlertKind.GhlQueueStuck,
        "llm_failing" => AlertKind.LlmFailing,
        _ => throw new FormatException($"Unknown alert kind '{name}'."),
    };

    public static string ToName(this AlertSeverity severity) => severity switch
    {
        AlertSeverity.Warning => "warning",
        AlertSeverity.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    public static AlertSeverity ParseSeverity(string name) => name switch
    {
        "warning" => AlertSeverity.Warning,
        "critical" => AlertSeverity.Critical,
        _ => throw new FormatException($"Unknown alert severity '{name}'."),
    };

    public static string ToName(this AlertDelivery delivery) => delivery switch
    {
        AlertDelivery.Pending => "pending",
        AlertDelivery.Sent => "sent",
        AlertDelivery.Failed => "failed",
        AlertDelivery.Skipped => "skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(delivery), delivery, null),
    };

    public static AlertDelivery ParseDelivery(string name) => name switch
    {
        "pending" => AlertDelivery.Pending,
        "sent" => AlertDelivery.Sent,
        "failed" => AlertDelivery.Failed,
        "skipped" => AlertDelivery.Skipped,
        _ => throw new FormatException($"Unknown alert delivery state '{name}'."),
    };
}
