namespace Sdr.Core.Booking;

/// <summary>A day named in a reply: a weekday ("tuesday", "el martes") or a day counted from today ("tomorrow").</summary>
internal readonly record struct DayReference(DayOfWeek? Weekday, int? DaysFromToday, bool InNextWeek);

/// <summary>A time of day named in a reply; <see cref="Pm"/> is null when neither am nor pm was said ("at 3").</summary>
internal readonly record struct TimeReference(int Hour, int Minute, bool? Pm)
{
    /// <summary>Does a slot starting at this local hour and minute match?</summary>
    public bool Matches(int hour24, int minute)
    {
        if (minute != Minute)
        {
            return false;
        }

        if (Hour > 12 || Hour == 0)
        {
            return hour24 == Hour % 24;
        }

        return Pm switch
        {
            true => hour24 == (Hour % 12) + 12,
            false => hour24 == Hour % 12,
            null => hour24 % 12 == Hour % 12,
        };
    }

    /// <summary>The hour meant, on a business clock when am/pm was not said: 1-7 afternoon, 8-11 morning, 12 noon.</summary>
    public int Hour24(DayPart? part)
    {
        if (Hour > 12 || Hour == 0)
        {
            return Hour % 24;
        }

        var pm = Pm ?? (part is DayPart.Afternoon or DayPart.Evening || (part is null && Hour is >= 1 and <= 7));
        return pm ? (Hour % 12) + 12 : Hour % 12;
    }
}

/// <summary>
/// One thing a reply could be pointing at: an offered position (<see cref="Position"/>: 1-based, 0 the last,
/// -1 the middle of three) or a day / time / part of day / next week, possibly together. A weak claim (a bare
/// number or ordinal) counts only when the rest of the message is about the slots.
/// </summary>
internal sealed record SlotClaim(string Rule, bool Strong, bool Negated)
{
    public int? Position { get; init; }

    public DayReference? Day { get; init; }

    public TimeReference? Time { get; init; }

    public DayPart? Part { get; init; }

    public bool NextWeek { get; init; }
}
