namespace Sdr.Core.Compliance.Hours;

/// <summary>One compiled rule (federal or one state's): the allowed window of each local date, or none.</summary>
internal sealed class HoursRule(string name, IReadOnlyList<DailyWindow?> windowsByDay, HolidayCalendar holidays)
{
    public string Name => name;

    /// <summary>The window on a local date, or null when the rule allows nothing that day.</summary>
    public DailyWindow? WindowOn(DateOnly date) =>
        holidays.Contains(date) ? null : windowsByDay[(int)date.DayOfWeek];
}
