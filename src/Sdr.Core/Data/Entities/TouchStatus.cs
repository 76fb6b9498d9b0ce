namespace Sdr.Core.Data.Entities;

public static class TouchStatus
{
    /// <summary>Reserved before the GHL call; not yet confirmed.</summary>
    public const string Reserved = "reserved";
    public const string Sent = "sent";

    /// <summary>GHL surely did not take it; the step may be tried again.</summary>
    public const string Failed = "failed";

    /// <summary>GHL may have taken it (lost response): never re-sent blindly.</summary>
    public const string Unknown = "unknown";
}
