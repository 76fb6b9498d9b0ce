namespace Sdr.Core.Compliance.Hours;

/// <summary>Weekday names as written in the settings: monday ... sunday.</summary>
internal static class DayNames
{
    public static bool TryParse(string? value, out DayOfWeek day) =>
        Enum.TryParse(value?.Trim(), ignoreCase: true, out day) && Enum.IsDefined(day) && !int.TryParse(value, out _);

    public static string Expected => "monday, tuesday, wednesday, thursday, friday, saturday, sunday";
}
