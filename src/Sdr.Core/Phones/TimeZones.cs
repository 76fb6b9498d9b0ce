using System.Collections.Concurrent;

namespace Sdr.Core.Phones;

/// <summary>
/// IANA ids to zones, remembered: <see cref="TimeZoneInfo.TryFindSystemTimeZoneById"/> takes a
/// process-wide lock on every call. Ids come from contact data, so the memo is bounded; past the
/// bound an id is looked up each time, with the same answer.
/// </summary>
internal static class TimeZones
{
    private const int MaxRemembered = 2048;

    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Found = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, TimeZoneInfo[]> Lists = new(StringComparer.Ordinal);

    /// <summary>The system zone with that id (surrounding spaces ignored), or null.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        if (Found.TryGetValue(id, out var zone))
        {
            return zone;
        }

        zone = TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var found) ? found : null;
        if (Found.Count < MaxRemembered)
        {
            Found.TryAdd(id, zone);
        }

        return zone;
    }

    /// <summary>The zones of the ids that exist, each once, in order.</summary>
    public static TimeZoneInfo[] FindAll(IEnumerable<string> ids)
    {
        var zones = new List<TimeZoneInfo>();
        foreach (var id in ids)
        {
            if (Find(id) is { } zone && !zones.Exists(z => z.Id == zone.Id))
            {
                zones.Add(zone);
            }
        }

        return [.. zones];
    }

    /// <summary>Zone ids in one string, space-separated (IANA ids have no spaces), as a prospect stores its phone's zones.</summary>
    public static string Join(IReadOnlyList<TimeZoneInfo> zones)
    {
        var ids = new string[zones.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = zones[i].Id;
        }

        return string.Join(' ', ids);
    }

    /// <summary>
    /// The zones of a <see cref="Join"/>ed list, remembered per list: the lists come from
    /// libphonenumber's prefix data, so there are few of them; past the bound a list is split each time.
    /// </summary>
    public static TimeZoneInfo[] Split(string? ids)
    {
        if (string.IsNullOrEmpty(ids))
        {
            return [];
        }

        if (Lists.TryGetValue(ids, out var zones))
        {
            return zones;
        }

        zones = FindAll(ids.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (Lists.Count < MaxRemembered)
        {
            Lists.TryAdd(ids, zones);
        }

        return zones;
    }
}
