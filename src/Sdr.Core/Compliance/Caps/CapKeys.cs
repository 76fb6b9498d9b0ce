using System.Globalization;

namespace Sdr.Core.Compliance.Caps;

/// <summary>The counter keys, shared by every instance; dates are UTC.</summary>
public static class CapKeys
{
    /// <summary><c>{prefix}:{location_id}:{yyyy-MM-dd}</c>, by default <c>sdr:sms:daily:{location_id}:{date}</c>.</summary>
    public static string DailySms(string prefix, string locationId, DateTime now) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}:{locationId}:{CapClock.AsUtc(now):yyyy-MM-dd}");

    public static string DailyContact(string locationId, string contactId, DateTime now) =>
        string.Create(CultureInfo.InvariantCulture, $"sdr:touch:daily:{locationId}:{contactId}:{CapClock.AsUtc(now):yyyy-MM-dd}");

    public static string Rolling24h(string locationId, string contactId) =>
        $"sdr:touch:rolling24h:{locationId}:{contactId}";

    public static string HourlyEnrollment(string locationId, DateTime now) =>
        $"sdr:enroll:hourly:{locationId}:{CapClock.AsUtc(now).ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture)}";
}
