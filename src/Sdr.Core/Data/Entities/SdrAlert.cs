namespace Sdr.Core.Data.Entities;

/// <summary>
/// <c>sdr_alerts</c>: one row per episode of a watched condition, from the evaluation that saw it start to the one
/// that saw it end. <see cref="Key"/> (kind and location) is unique among open alerts, so however many instances
/// evaluate, a condition opens one alert and sends one notice; the notices' delivery is recorded here and retried.
/// </summary>
public sealed class SdrAlert
{
    public long Id { get; set; }

    /// <summary><c>{kind}</c> or <c>{kind}:{location_id}</c>; unique while the alert is open.</summary>
    public required string Key { get; set; }

    public required AlertKind Kind { get; set; }

    /// <summary>The GHL location it concerns; null for a condition of the whole install (webhook backlog, the LLM).</summary>
    public string? LocationId { get; set; }

    public required AlertSeverity Severity { get; set; }

    /// <summary>What was seen when it opened, in plain words (figures and ids only, never message text or URLs).</summary>
    public required string Summary { get; set; }

    public DateTime OpenedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }

    /// <summary>The figure the condition watches, as last evaluated (a rate, a count, an age in minutes).</summary>
    public double LastValue { get; set; }

    /// <summary>The threshold it was compared with.</summary>
    public double Threshold { get; set; }

    public DateTime LastEvaluatedAt { get; set; }

    /// <summary>Since when the condition has been clear while the alert is still open (the cool-down); null while it lasts.</summary>
    public DateTime? ClearSince { get; set; }

    /// <summary>The opening notice.</summary>
    public AlertDelivery NoticeState { get; set; }

    public DateTime? NoticeSentAt { get; set; }

    /// <summary>The recovery notice; null while the alert is open.</summary>
    public AlertDelivery? RecoveryState { get; set; }

    public DateTime? RecoverySentAt { get; set; }

    /// <summary>Failed posts of the notice now being delivered (reset when it is sent).</summary>
    public int DeliveryAttempts { get; set; }

    /// <summary>When a pending notice may be posted (again).</summary>
    public DateTime? NextDeliveryAt { get; set; }

    /// <summary>Set while an instance posts a notice (its lease), so no other posts it too.</summary>
    public DateTime? DeliveryClaimedUntil { get; set; }

    /// <summary>Why the last post failed (a status code or an exception type; never the URL).</summary>
    public string? LastDeliveryError { get; set; }

    public bool IsOpen => ResolvedAt is null;

    /// <summary>The notice that is due now: the opening one first, then the recovery.</summary>
    public bool HasPendingNotice => NoticeState == AlertDelivery.Pending || RecoveryState == AlertDelivery.Pending;

    public static string KeyOf(AlertKind kind, string? locationId) =>
        locationId is null ? kind.ToName() : $"{kind.ToName()}:{locationId}";
}
