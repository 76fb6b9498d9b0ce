namespace Sdr.Core.Compliance.Hours;

/// <summary>
/// The hours policy's answer. <see cref="NextAllowedUtc"/> is null when a touch may go now; else it
/// is the first allowed minute and <see cref="BlockingZone"/> one zone whose window is closed now.
/// </summary>
public sealed record HoursCheck(DateTime? NextAllowedUtc, TimeZoneInfo? BlockingZone, IReadOnlyList<TimeZoneInfo> Zones, IReadOnlyList<string> Rules)
{
    public bool IsAllowed => NextAllowedUtc is null;
}
