using System.Globalization;

namespace Sdr.Core.Compliance.Hours;

/// <summary>The one format the hours settings accept for a time of day.</summary>
internal static class TimeOfDay
{
    public static bool TryParse(string? value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
