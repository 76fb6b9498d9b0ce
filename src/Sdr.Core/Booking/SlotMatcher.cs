namespace Sdr.Core.Booking;

/// <summary>Which offered slots a claim points at, and what it asks for when it points at none, in the prospect's zone.</summary>
internal sealed class SlotMatcher(IReadOnlyList<DateTimeOffset> offered, TimeZoneInfo zone, DateTimeOffset now)
{
    private readonly List<DateTime> _offeredLocal = [.. offered.Select(s => TimeZoneInfo.ConvertTime(s, zone).DateTime)];
    private readonly DateTime _nowLocal = TimeZoneInfo.ConvertTime(now, zone).DateTime;

    private DateTime Today => _nowLocal.Date;

    private DateTime NextMonday => Today.AddDays(((int)DayOfWeek.Monday - (int)Today.DayOfWeek + 7) % 7 is var days && days == 0 ? 7 : days);

    /// <summary>The offered indexes the claim fits; for a position out of range, empty.</summary>
    public List<int> Match(SlotClaim claim)
    {
        if (claim.Position is { } position)
        {
            var index = position switch
            {
                0 => _offeredLocal.Count - 1,
                -1 => _offeredLocal.Count == 3 ? 1 : -1,
                _ => position <= _offeredLocal.Count ? position - 1 : -1,
            };
            return index >= 0 ? [index] : [];
        }

        return [.. Enumerable.Range(0, _offeredLocal.Count).Where(i => Fits(claim, _offeredLocal[i]))];
    }

    /// <summary>The exact time asked for (an hour was named) or else the window of the day, part of day or week named.</summary>
    public (DateTimeOffset? Time, SlotWindow? Window) Requested(SlotClaim claim)
    {
        var date = RequestedDate(claim);
        if (claim.Time is { } time)
        {
            var at = (date ?? Today).AddHours(time.Hour24(claim.Part)).AddMinutes(time.Minute);
            if (date is null && at <= _nowLocal)
            {
                at = at.AddDays(1);
            }

            return (Instant(at), null);
        }

        if (date is null && claim.NextWeek)
        {
            return (null, new SlotWindow(Instant(NextMonday), Instant(NextMonday.AddDays(7))));
        }

        var day = date ?? (claim.Part is { } p && Today.Add(PartSpan(p).Until) <= _nowLocal ? Today.AddDays(1) : Today);
        var (from, until) = claim.Part is { } part ? PartSpan(part) : (TimeSpan.Zero, TimeSpan.FromDays(1));
        return (null, new SlotWindow(Instant(day + from), Instant(day + until)));
    }

    private bool Fits(SlotClaim claim, DateTime local)
    {
        if (claim.Day is { } day)
        {
            var dayFits = day.Weekday is { } weekday
                ? local.DayOfWeek == weekday && (!(day.InNextWeek || claim.NextWeek) || InNextWeek(local))
                : local.Date == Today.AddDays(day.DaysFromToday ?? 0);
            if (!dayFits)
            {
                return false;
            }
        }
        else if (claim.NextWeek && !InNextWeek(local))
        {
            return false;
        }

        if (claim.Time is { } time && !time.Matches(local.Hour, local.Minute))
        {
            return false;
        }

        if (claim.Part is { } part)
        {
            var (from, until) = PartSpan(part);
            return local.TimeOfDay >= from && local.TimeOfDay < until;
        }

        return true;
    }

    private DateTime? RequestedDate(SlotClaim claim)
    {
        if (claim.Day is not { } day)
        {
            return null;
        }

        if (day.Weekday is not { } weekday)
        {
            return Today.AddDays(day.DaysFromToday ?? 0);
        }

        if (day.InNextWeek || claim.NextWeek)
        {
            return NextMonday.AddDays(((int)weekday - (int)DayOfWeek.Monday + 7) % 7);
        }

        var date = Today.AddDays(((int)weekday - (int)Today.DayOfWeek + 7) % 7);
        var passed = claim.Time is { } time ? date.AddHours(time.Hour24(claim.Part)).AddMinutes(time.Minute) <= _nowLocal : date < Today;
        return passed ? date.AddDays(7) : date;
    }

    private bool InNextWeek(DateTime local) => local.Date >= NextMonday && local.Date < NextMonday.AddDays(7);

    private DateTimeOffset Instant(DateTime local)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall))
        {
            wall = wall.AddHours(1);
        }

        return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
    }

    private static (TimeSpan From, TimeSpan Until) PartSpan(DayPart part) => part switch
    {
        DayPart.Morning => (TimeSpan.Zero, TimeSpan.FromHours(12)),
        DayPart.Afternoon => (TimeSpan.FromHours(12), TimeSpan.FromHours(17)),
        _ => (TimeSpan.FromHours(17), TimeSpan.FromDays(1)),
    };
}
