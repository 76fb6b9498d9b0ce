using Sdr.Core.Compliance.Hours;

namespace Sdr.Core.Compliance.Caps;

internal static class CapClock
{
    public static DateTime AsUtc(DateTime value) => UtcTime.AsUtc(value);

    public static DateTime NextUtcMidnight(DateTime now) => AsUtc(now).Date.AddDays(1);
}
