namespace Sdr.Core.Compliance.Hours;

/// <summary>Turns validated <see cref="HoursOptions"/> into rules; also what the validation reads times through.</summary>
internal static class HoursRules
{
    public static HoursRule Federal(HoursOptions options)
    {
        var window = FederalWindow(options);
        return new HoursRule("federal", Enumerable.Repeat<DailyWindow?>(window, 7).ToArray(), HolidayCalendar.None);
    }

    public static IReadOnlyDictionary<string, HoursRule> States(HoursOptions options)
    {
        var federal = FederalWindow(options);
        var rules = new Dictionary<string, HoursRule>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, state) in options.States)
        {
            var normalized = code.Trim().ToUpperInvariant();
            rules[normalized] = State(normalized, state, federal);
        }

        return rules;
    }

    /// <summary>The window a state sets for a weekday: the day's own times, else the state's, else the federal ones.</summary>
    public static (string? Start, string? End) Resolve(StateHoursOptions state, DayOfWeek day, DailyWindow federal)
    {
        var dayWindow = state.Days.FirstOrDefault(d => DayNames.TryParse(d.Key, out var parsed) && parsed == day).Value;
        return (
            dayWindow?.Start ?? state.Start ?? Format(federal.Start),
            dayWindow?.End ?? state.End ?? Format(federal.End));
    }

    private static HoursRule State(string code, StateHoursOptions state, DailyWindow federal)
    {
        var banned = state.NoMessagesOn.Select(d => DayNames.TryParse(d, out var day) ? day : throw Invalid(code)).ToHashSet();
        var windows = new DailyWindow?[7];
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var (start, end) = Resolve(state, day, federal);
            windows[(int)day] = banned.Contains(day) ? null : new DailyWindow(Parse(start, code), Parse(end, code));
        }

        return new HoursRule(code, windows, HolidayCalendar.Parse(state.Holidays));
    }

    private static DailyWindow FederalWindow(HoursOptions options) =>
        new(Parse(options.Start, "federal"), Parse(options.End, "federal"));

    private static TimeOnly Parse(string? value, string rule) =>
        TimeOfDay.TryParse(value, out var time) ? time : throw Invalid(rule);

    private static string Format(TimeOnly time) => time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static InvalidOperationException Invalid(string rule) =>
        new($"{HoursOptions.SectionName} is not valid ({rule}); validate the options before building the hours rules.");
}
