using System.Text.RegularExpressions;
using Sdr.Core.Phones;

namespace Sdr.Core.Compliance.Hours;

/// <summary>What is wrong with <see cref="HoursOptions"/>, each message naming the configuration key.</summary>
internal static partial class HoursOptionsValidation
{
    private const string Section = HoursOptions.SectionName;

    public static IEnumerable<string> Failures(HoursOptions options)
    {
        var failures = new List<string>();
        var federal = CheckWindow(Section, options.Start, options.End, failures);
        foreach (var (code, state) in options.States)
        {
            CheckState($"{Section}:states:{code}", code, state, federal, failures);
        }

        return failures;
    }

    private static DailyWindow? CheckWindow(string key, string? start, string? end, List<string> failures)
    {
        var startOk = CheckTime($"{key}:start", start, failures, out var startTime);
        var endOk = CheckTime($"{key}:end", end, failures, out var endTime);
        if (!startOk || !endOk)
        {
            return null;
        }

        if (startTime >= endTime)
        {
            failures.Add($"{key}: start {start} must be before end {end}.");
            return null;
        }

        return new DailyWindow(startTime, endTime);
    }

    private static bool CheckTime(string key, string? value, List<string> failures, out TimeOnly time)
    {
        if (TimeOfDay.TryParse(value, out time))
        {
            return true;
        }

        failures.Add($"{key} '{value}' is not a time of day (HH:mm, 24-hour, e.g. 08:00).");
        return false;
    }

    private static void CheckState(string key, string code, StateHoursOptions state, DailyWindow? federal, List<string> failures)
    {
        if (!StateCodeFormat().IsMatch(code) || !UsStates.IsKnown(code))
        {
            failures.Add($"{key} is not a US state code (two letters, e.g. FL, TX, DC).");
        }

        CheckOptionalTime($"{key}:start", state.Start, failures);
        CheckOptionalTime($"{key}:end", state.End, failures);
        foreach (var (dayName, window) in state.Days)
        {
            var dayKey = $"{key}:days:{dayName}";
            if (!DayNames.TryParse(dayName, out _))
            {
                failures.Add($"{dayKey} is not a day of the week ({DayNames.Expected}).");
            }

            CheckOptionalTime($"{dayKey}:start", window.Start, failures);
            CheckOptionalTime($"{dayKey}:end", window.End, failures);
        }

        CheckDays(key, state, federal, failures);
        CheckHolidays(key, state, failures);
    }

    private static void CheckOptionalTime(string key, string? value, List<string> failures)
    {
        if (value is not null)
        {
            CheckTime(key, value, failures, out _);
        }
    }

    private static void CheckDays(string key, StateHoursOptions state, DailyWindow? federal, List<string> failures)
    {
        var banned = new HashSet<DayOfWeek>();
        for (var i = 0; i < state.NoMessagesOn.Count; i++)
        {
            if (DayNames.TryParse(state.NoMessagesOn[i], out var day))
            {
                banned.Add(day);
            }
            else
            {
                failures.Add($"{key}:no_messages_on:{i} '{state.NoMessagesOn[i]}' is not a day of the week ({DayNames.Expected}).");
            }
        }

        if (banned.Count == 7)
        {
            failures.Add($"{key}:no_messages_on bans every day of the week: nothing could ever be sent there.");
        }

        if (federal is not { } federalWindow)
        {
            return;
        }

        var reported = new HashSet<string>();
        foreach (var day in Enum.GetValues<DayOfWeek>().Where(d => !banned.Contains(d)))
        {
            var (start, end) = HoursRules.Resolve(state, day, federalWindow);
            if (TimeOfDay.TryParse(start, out var startTime) && TimeOfDay.TryParse(end, out var endTime) && startTime >= endTime)
            {
                var where = state.Days.Keys.FirstOrDefault(k => DayNames.TryParse(k, out var d) && d == day) is { } dayKey ? $"{key}:days:{dayKey}" : key;
                if (reported.Add(where))
                {
                    failures.Add($"{where}: start {start} must be before end {end}.");
                }
            }
        }
    }

    private static void CheckHolidays(string key, StateHoursOptions state, List<string> failures)
    {
        for (var i = 0; i < state.Holidays.Count; i++)
        {
            if (HolidayCalendar.TryParse(state.Holidays[i]) is null)
            {
                failures.Add($"{key}:holidays:{i} '{state.Holidays[i]}' is not a date (yyyy-MM-dd), an annual date (MM-dd) or a named holiday ({HolidayCalendar.ExpectedNames}).");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z]{2}$")]
    private static partial Regex StateCodeFormat();
}
