namespace Sdr.Core.Data.Entities;

/// <summary>Where a conversational message stands. Stored as its lower-case name (<c>pending</c>, <c>sending</c>, ...).</summary>
public enum OutboundMessageStatus
{
    /// <summary>Queued, or deferred until <see cref="SdrOutboundMessage.NotBefore"/>.</summary>
    Pending,

    /// <summary>Reserved (committed) before the GHL call; not yet confirmed.</summary>
    Sending,
    Sent,

    /// <summary>GHL refused it, or gave up on it after retries: not sent.</summary>
    Failed,

    /// <summary>GHL may have taken it (lost answer, or a crash mid-call): never sent again.</summary>
    Unknown,

    /// <summary>A stage refused it for good (suppressed, content).</summary>
    Blocked,

    /// <summary>Not sent within its window (<see cref="SdrOutboundMessage.ExpiresAt"/>): never sent.</summary>
    Expired,
}

public static class OutboundMessageStatusNames
{
    public static string ToName(this OutboundMessageStatus status) => status switch
    {
        OutboundMessageStatus.Pending => "pending",
        OutboundMessageStatus.Sending => "sending",
        OutboundMessageStatus.Sent => "sent",
        OutboundMessageStatus.Failed => "failed",
        OutboundMessageStatus.Unknown => "unknown",
        OutboundMessageStatus.Blocked => "blocked",
        OutboundMessageStatus.Expired => "expired",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static OutboundMessageStatus Parse(string name) => name switch
    {
        "pending" => OutboundMessageStatus.Pending,
        "sending" => OutboundMessageStatus.Sending,
        "sent" => OutboundMessageStatus.Sent,
        "failed" => OutboundMessageStatus.Failed,
        "unknown" => OutboundMessageStatus.Unknown,
        "blocked" => OutboundMessageStatus.Blocked,
        "expired" => OutboundMessageStatus.Expired,
        _ => throw new FormatException($"Unknown outbound message status '{name}'."),
    };
}
