using System.Globalization;
using Microsoft.Extensions.Options;
using Sdr.Core.Booking;

namespace Sdr.Tests.Unit.Booking;

internal static class BookingTestData
{
    public static readonly TimeZoneInfo Eastern = Zone("America/New_York");

    /// <summary>The US zones a prospect may be in, with the label an offer shows.</summary>
    public static readonly TheoryData<string, string> UsZones = new()
    {
        { "America/New_York", "ET" },
        { "America/Chicago", "CT" },
        { "America/Denver", "MT" },
        { "America/Phoenix", "MT" },
        { "America/Los_Angeles", "PT" },
        { "America/Anchorage", "AKT" },
        { "Pacific/Honolulu", "HT" },
    };

    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    public static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>A wall-clock time in a zone ("2026-12-08 15:00") as an instant.</summary>
    public static DateTimeOffset Local(string text, TimeZoneInfo zone)
    {
        var wall = DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new DateTimeOffset(wall, zone.GetUtcOffset(wall)).ToUniversalTime();
    }

    public static SlotOfferPlanner Planner(Action<BookingOptions>? configure = null)
    {
        var options = new BookingOptions();
        configure?.Invoke(options);
        return new SlotOfferPlanner(Options.Create(options));
    }

    /// <summary>Free slots every <paramref name="stepMinutes"/> around the clock (UTC), as a calendar open all day would list.</summary>
    public static List<DateTimeOffset> AroundTheClock(DateTimeOffset from, int days, int stepMinutes = 30) =>
        [.. Enumerable.Range(0, days * 24 * 60 / stepMinutes).Select(i => from.AddMinutes(i * stepMinutes))];
}
