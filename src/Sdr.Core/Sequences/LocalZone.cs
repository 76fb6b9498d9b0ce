using Sdr.Core.Phones;

namespace Sdr.Core.Sequences;

/// <summary>
/// The one zone a recipient's local clock is read in for send-time statistics: the contact's own IANA zone,
/// else the first (main) zone of its state, else the first zone of its phone's area code; null when none is
/// known, and the touch then counts for its channel only.
/// </summary>
internal static class LocalZone
{
    public static TimeZoneInfo? Of(string? timeZone, string? state, IReadOnlyList<TimeZoneInfo>? phoneZones)
    {
        if (TimeZones.Find(timeZone) is { } zone)
        {
            return zone;
        }

        if (UsStates.Normalize(state) is { } code && UsStates.ZonesOf(code) is { Count: > 0 } stateZones)
        {
            return stateZones[0];
        }

        return phoneZones is { Count: > 0 } ? phoneZones[0] : null;
    }

    /// <summary><see cref="Of(string?, string?, IReadOnlyList{TimeZoneInfo}?)"/> from a prospect's stored phone zone ids.</summary>
    public static TimeZoneInfo? Of(string? timeZone, string? state, string? phoneZoneIds) =>
        Of(timeZone, state, TimeZones.Split(phoneZoneIds));
}
