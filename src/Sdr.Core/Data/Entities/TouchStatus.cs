namespace Sdr.Core.Data.Entities;

/// <summary>Where a touch stands with GHL. Stored as its lower-case name (<c>reserved</c>, <c>sent</c>, ...).</summary>
public enum TouchStatus
{
    /// <summary>Reserved before the GHL call; not yet confirmed.</summary>
    Reserved,
    Sent,

    /// <summary>GHL surely did not take it; the step may be tried again.</summary>
    Failed,

    /// <summary>GHL may have taken it (lost response): never re-sent blindly.</summary>
    Unknown,
}

public static class TouchStatusNames
{
    /// <summary>The stored and shown name: <c>reserved</c>, <c>sent</c>, <c>failed</c> or <c>unknown</c>.</summary>
    public static string ToName(this TouchStatus status) => status switch
    {
        TouchStatus.Reserved => "reserved",
        TouchStatus.Sent => "sent",
        TouchStatus.Failed => "failed",
        TouchStatus.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static TouchStatus Parse(string name) => name switch
    {
        "reserved" => TouchStatus.Reserved,
        "sent" => TouchStatus.Sent,
        "failed" => TouchStatus.Failed,
        "unknown" => TouchStatus.Unknown,
        _ => throw new FormatException($"Unknown touch status '{name}'."),
    };
}
