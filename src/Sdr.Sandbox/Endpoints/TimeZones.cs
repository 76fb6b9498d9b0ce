using System.Collections.Concurrent;

namespace Sdr.Sandbox.Endpoints;

internal static class TimeZones
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Cache = new(StringComparer.Ordinal);

    public static TimeZoneInfo? Find(string id) => Cache.GetOrAdd(id, static key =>
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(key);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    });
}
