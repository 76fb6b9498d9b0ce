using Microsoft.Extensions.Options;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Hours;

namespace Sdr.Tests.Unit.Compliance.Hours;

/// <summary>Policies and instants for the hours tests; the FL and TX rules as the spec states them.</summary>
internal static class HoursTestData
{
    public static HoursOptions FederalOnly() => new();

    public static HoursOptions WithSpecStates() => new()
    {
        States =
        {
            ["FL"] = new StateHoursOptions { Start = "08:00", End = "20:00" },
            ["OK"] = new StateHoursOptions { Start = "08:00", End = "20:00" },
            ["MD"] = new StateHoursOptions { Start = "08:00", End = "20:00" },
            ["TX"] = new StateHoursOptions
            {
                Start = "09:00",
                End = "21:00",
                Days = { ["sunday"] = new HoursWindowOptions { Start = "12:00", End = "21:00" } },
            },
        },
    };

    public static QuietHoursPolicy Policy(HoursOptions? options = null) => new(Options.Create(options ?? WithSpecStates()));

    public static DateTime Utc(string value) =>
        DateTime.SpecifyKind(DateTime.Parse(value, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    public static RecipientInfo Recipient(string? timeZone = null, string? state = null, string? phone = null) => new(timeZone, state, phone);
}
