using System.Globalization;

namespace Sdr.Core.Booking;

/// <summary>
/// The short name a US prospect knows their zone by (ET, CT, MT, PT, AKT, HT), season-free like the times
/// people say; any other zone is written as its UTC offset at the time shown ("UTC-3", "UTC+5:30").
/// </summary>
internal static class ZoneLabels
{
    private static readonly Dictionary<string, string> ByIanaId = new(StringComparer.OrdinalIgnoreCase)
    {
        ["America/New_York"] = "ET",
        ["America/Detroit"] = "ET",
        ["America/Toronto"] = "ET",
        ["US/Eastern"] = "ET",
        ["US/Michigan"] = "ET",
        ["EST5EDT"] = "ET",
        ["America/Chicago"] = "CT",
        ["America/Menominee"] = "CT",
        ["America/Winnipeg"] = "CT",
        ["America/Indiana/Knox"] = "CT",
        ["America/Indiana/Tell_City"] = "CT",
        ["US/Central"] = "CT",
        ["CST6CDT"] = "CT",
        ["America/Denver"] = "MT",
        ["America/Boise"] = "MT",
        ["America/Phoenix"] = "MT",
        ["America/Edmonton"] = "MT",
        ["US/Mountain"] = "MT",
        ["US/Arizona"] = "MT",
        ["MST7MDT"] = "MT",
        ["America/Los_Angeles"] = "PT",
        ["America/Vancouver"] = "PT",
        ["US/Pacific"] = "PT",
        ["PST8PDT"] = "PT",
        ["America/Anchorage"] = "AKT",
        ["America/Juneau"] = "AKT",
        ["America/Sitka"] = "AKT",
        ["America/Nome"] = "AKT",
        ["America/Yakutat"] = "AKT",
        ["America/Metlakatla"] = "AKT",
        ["US/Alaska"] = "AKT",
        ["Pacific/Honolulu"] = "HT",
        ["America/Adak"] = "HT",
        ["US/Hawaii"] = "HT",
    };

    public static string For(TimeZoneInfo zone, DateTimeOffset at)
    {
        var id = zone.HasIanaId || !TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? zone.Id : iana;
        if (ByIanaId.TryGetValue(id, out var label))
        {
            return label;
        }

        if (id.StartsWith("America/Indiana/", StringComparison.OrdinalIgnoreCase) || id.StartsWith("America/Kentucky/", StringComparison.OrdinalIgnoreCase))
        {
            return "ET";
        }

        if (id.StartsWith("America/North_Dakota/", StringComparison.OrdinalIgnoreCase))
        {
            return "CT";
        }

        var offset = zone.GetUtcOffset(at);
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var magnitude = offset.Duration();
        return magnitude.Minutes == 0
            ? $"UTC{sign}{magnitude.Hours.ToString(CultureInfo.InvariantCulture)}"
            : $"UTC{sign}{magnitude.Hours.ToString(CultureInfo.InvariantCulture)}:{magnitude.Minutes.ToString("00", CultureInfo.InvariantCulture)}";
    }
}
