using Microsoft.Extensions.Options;

namespace Sdr.Core.Booking;

/// <summary>
/// Chooses the two or three times to offer from a calendar's free slots. A slot qualifies when it starts
/// at least <c>minimum_notice_minutes</c> after now, lies inside the prospect's local hours (starts at or
/// after <c>earliest_local</c>, ends by <c>latest_local</c>) and was not offered and refused or found taken
/// before. The first offer is the earliest that qualifies; each next one goes to the earliest day not yet
/// offered, preferring the other half of the day (morning / afternoon) from the previous offer; when the days
/// run out, the other half of a day already offered, then a slot at least two hours from every offer.
/// The caller reads the calendar <c>search_days</c> ahead (or over the span the prospect asked for) and passes
/// <c>within</c> when the prospect asked for a day or time of their own (<see cref="SlotPick.RequestedSpan"/>).
/// </summary>
public sealed class SlotOfferPlanner(IOptions<BookingOptions> options)
{
    private static readonly TimeSpan MinimumGapSameDay = TimeSpan.FromHours(2);

    private readonly BookingOptions _options = options.Value;

    /// <summary>
    /// The slots to offer, earliest first; empty when none qualifies, fewer than offer_count when fewer qualify.
    /// With <paramref name="within"/>, only slots starting inside it qualify.
    /// </summary>
    public IReadOnlyList<DateTimeOffset> Choose(
        IReadOnlyList<DateTimeOffset> freeSlots,
        TimeZoneInfo prospectZone,
        DateTimeOffset now,
        IReadOnlyCollection<DateTimeOffset> exclude,
        SlotWindow? within = null)
    {
        ArgumentNullException.ThrowIfNull(freeSlots);
        ArgumentNullException.ThrowIfNull(prospectZone);
        ArgumentNullException.ThrowIfNull(exclude);

        var candidates = Qualifying(freeSlots, prospectZone, now, exclude);
        if (within is not null)
        {
            candidates.RemoveAll(c => !within.Contains(c.Instant));
        }

        var chosen = new List<LocalSlot>(_options.OfferCount);
        while (chosen.Count < _options.OfferCount && Next(candidates, chosen) is { } next)
        {
            chosen.Add(next);
        }

        return [.. chosen.Select(slot => slot.Instant).Order()];
    }

    private List<LocalSlot> Qualifying(IReadOnlyList<DateTimeOffset> freeSlots, TimeZoneInfo zone, DateTimeOffset now, IReadOnlyCollection<DateTimeOffset> exclude)
    {
        var (earliest, latest) = _options.LocalHours();
        var notBefore = now.AddMinutes(_options.MinimumNoticeMinutes);
        var length = TimeSpan.FromMinutes(_options.AppointmentMinutes);
        var excluded = exclude.Select(e => e.UtcDateTime).ToHashSet();
        var seen = new HashSet<DateTime>();
        var result = new List<LocalSlot>();
        foreach (var slot in freeSlots.OrderBy(s => s.UtcDateTime))
        {
            var utc = slot.UtcDateTime;
            if (slot < notBefore || excluded.Contains(utc) || !seen.Add(utc))
            {
                continue;
            }

            // Wall-clock arithmetic: the local hours are the prospect's clock, and no US zone shifts between 09:00 and 18:00.
            var local = TimeZoneInfo.ConvertTime(slot, zone).DateTime;
            var startTime = TimeOnly.FromDateTime(local);
            if (startTime >= earliest && local + length <= local.Date + latest.ToTimeSpan())
            {
                result.Add(new LocalSlot(slot.ToUniversalTime(), DateOnly.FromDateTime(local), startTime.Hour < 12));
            }
        }

        return result;
    }

    private static LocalSlot? Next(List<LocalSlot> candidates, List<LocalSlot> chosen)
    {
        var remaining = candidates.Where(c => !chosen.Contains(c)).ToList();
        if (remaining.Count == 0)
        {
            return null;
        }

        if (chosen.Count == 0)
        {
            return remaining[0];
        }

        var previous = chosen[^1];
        var newDay = remaining.Where(c => !chosen.Exists(o => o.Day == c.Day)).ToList();
        if (newDay.Count > 0)
        {
            var day = newDay[0].Day;
            return newDay.Find(c => c.Day == day && c.Morning != previous.Morning) ?? newDay[0];
        }

        return remaining.Find(c => !chosen.Exists(o => o.Day == c.Day && o.Morning == c.Morning))
            ?? remaining.Find(c => chosen.TrueForAll(o => (c.Instant - o.Instant).Duration() >= MinimumGapSameDay))
            ?? remaining[0];
    }

    private sealed record LocalSlot(DateTimeOffset Instant, DateOnly Day, bool Morning);
}
