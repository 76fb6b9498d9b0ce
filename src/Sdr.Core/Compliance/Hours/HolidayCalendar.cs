using System.Collections.Concurrent;
using System.Globalization;

namespace Sdr.Core.Compliance.Hours;

/// <summary>
/// The dates a state bans messages on. An annual date also bans the weekday it is observed on
/// (Friday before a Saturday holiday, Monday after a Sunday one), since states differ on which
/// of the two is the legal holiday and blocking both is the safe reading.
/// </summary>
internal sealed class HolidayCalendar
{
    public static readonly HolidayCalendar None = new([]);

    private static readonly Dictionary<string, Func<int, DateOnly>> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["new_years_day"] = year => new DateOnly(year, 1, 1),
        ["mlk_day"] = year => NthWeekday(year, 1, DayOfWeek.Monday, 3),
        ["presidents_day"] = year => NthWeekday(year, 2, DayOfWeek.Monday, 3),
        ["memorial_day"] = year => LastWeekday(year, 5, DayOfWeek.Monday),
        ["juneteenth"] = year => new DateOnly(year, 6, 19),
        ["independence_day"] = year => new DateOnly(year, 7, 4),
        ["labor_day"] = year => NthWeekday(year, 9, DayOfWeek.Monday, 1),
        ["columbus_day"] = year => NthWeekday(year, 10, DayOfWeek.Monday, 2),
        ["veterans_day"] = year => new DateOnly(year, 11, 11),
        ["thanksgiving"] = year => NthWeekday(year, 11, DayOfWeek.Thursday, 4),
        ["christmas_day"] = year => new DateOnly(year, 12, 25),
    };

    // Years whose banned dates are remembered; a date in any other year is matched rule by rule.
    private const int MaxRememberedYears = 32;

    private readonly Func<DateOnly, bool>[] _matchers;
    private readonly ConcurrentDictionary<int, HashSet<DateOnly>> _bannedByYear = new();

    private HolidayCalendar(Func<DateOnly, bool>[] matchers)
    {
        _matchers = matchers;
    }

    public static string ExpectedNames => string.Join(", ", Named.Keys);

    public bool Contains(DateOnly date)
    {
        if (_matchers.Length == 0)
        {
            return false;
        }

        if (_bannedByYear.TryGetValue(date.Year, out var banned))
        {
            return banned.Contains(date);
        }

        if (_bannedByYear.Count >= MaxRememberedYears)
        {
            return Matches(date);
        }

        banned = BannedIn(date.Year);
        _bannedByYear.TryAdd(date.Year, banned);
        return banned.Contains(date);
    }

    public static HolidayCalendar Parse(IEnumerable<string> entries)
    {
        var matchers = new List<Func<DateOnly, bool>>();
        foreach (var entry in entries)
        {
            matchers.Add(TryParse(entry) ?? throw new FormatException($"'{entry}' is not a holiday."));
        }

        return matchers.Count == 0 ? None : new HolidayCalendar([.. matchers]);
    }

    public static Func<DateOnly, bool>? TryParse(string? entry)
    {
        var text = entry?.Trim() ?? string.Empty;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
        {
            return date => date == exact;
        }

        if (Named.TryGetValue(text, out var rule))
        {
            return date => OnOrObserved(date, rule);
        }

        if (DateOnly.TryParseExact("2000-" + text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var annual))
        {
            return date => OnOrObserved(date, year => SafeDate(year, annual.Month, annual.Day));
        }

        return null;
    }

    private bool Matches(DateOnly date)
    {
        foreach (var matches in _matchers)
        {
            if (matches(date))
            {
                return true;
            }
        }

        return false;
    }

    private HashSet<DateOnly> BannedIn(int year)
    {
        var banned = new HashSet<DateOnly>();
        for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            if (Matches(date))
            {
                banned.Add(date);
            }

            if (date == DateOnly.MaxValue)
            {
                break;
            }
        }

        return banned;
    }

    // The observed day of 1 January can fall in the year before, hence both years.
    private static bool OnOrObserved(DateOnly date, Func<int, DateOnly> rule) =>
        IsOnOrObserved(date, rule(date.Year)) || (date.Year < DateOnly.MaxValue.Year && IsOnOrObserved(date, rule(date.Year + 1)));

    private static bool IsOnOrObserved(DateOnly date, DateOnly holiday) =>
        date == holiday || date == Observed(holiday);

    private static DateOnly Observed(DateOnly holiday) => holiday.DayOfWeek switch
    {
        DayOfWeek.Saturday => holiday.AddDays(-1),
        DayOfWeek.Sunday => holiday.AddDays(1),
        _ => holiday,
    };

    // 29 February is kept in leap years only; in other years it falls back to 28 February.
    private static DateOnly SafeDate(int year, int month, int day) =>
        new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));

    private static DateOnly NthWeekday(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)day - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek day)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var offset = ((int)last.DayOfWeek - (int)day + 7) % 7;
        return last.AddDays(-offset);
    }
}
