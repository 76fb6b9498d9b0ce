namespace Sdr.Core.Compliance.Hours;

internal static class UtcTime
{
    /// <summary>The instant as UTC; an unspecified kind is taken as UTC, which is how the cadence stores times.</summary>
    public static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
