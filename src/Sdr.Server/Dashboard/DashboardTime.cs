using System.Globalization;

namespace Sdr.Server.Dashboard;

/// <summary>Times as the dashboard shows them: UTC, to the minute.</summary>
public static class DashboardTime
{
    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static string Format(DateTimeOffset? value) =>
        value is { } at ? at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";
}
