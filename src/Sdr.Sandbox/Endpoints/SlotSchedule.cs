namespace Sdr.Sandbox.Endpoints;

internal static class SlotSchedule
{
    private const int OpenHour = 9;
    private const int CloseHour = 17;

    public static IEnumerable<DateTimeOffset> Slots(SandboxCalendar calendar, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime);
        for (; day <= lastDay; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            for (var minutes = OpenHour * 60; minutes < CloseHour * 60; minutes += calendar.SlotMinutes)
            {
                var local = day.ToDateTime(new TimeOnly(minutes / 60, minutes % 60));
                if (zone.IsInvalidTime(local))
                {
                    continue;
                }

                var start = new DateTimeOffset(local, zone.GetUtcOffset(local));
                if (start >= from && start < to)
                {
                    yield return start;
                }
            }
        }
    }

    public static bool IsOnGrid(SandboxCalendar calendar, TimeZoneInfo zone, DateTimeOffset start) =>
        Slots(calendar, zone, start, start.AddTicks(1)).Any();
}
