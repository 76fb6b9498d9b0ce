using System.Globalization;

namespace Sdr.Core.Booking;

/// <summary>
/// The texts of an offer and of its confirmation, in the prospect's local time. An offer is written in the
/// longest of three forms that fits <c>maxLength</c> together with the sender's intro; every character this
/// class writes is in the GSM-7 basic set, so the length is the intro's plus the string length of the rest.
/// </summary>
public static class SlotOfferText
{
    private static readonly CultureInfo Us = CultureInfo.InvariantCulture;

    /// <summary>
    /// <paramref name="senderIntro"/> followed by the offer ("Here are a few times for a quick call: 1) Tue Dec 8,
    /// 3:00 PM ... (ET). Which works? Reply with the number."), shortened until it fits <paramref name="maxLength"/>
    /// characters (the lead passes what one SMS segment leaves, e.g. 160 for GSM-7). When even the shortest form
    /// ("Tue 3pm, Wed 10:30am or Thu 1pm ET?") does not fit, the shortest is returned: the content stage refuses it.
    /// </summary>
    public static string Offer(IReadOnlyList<DateTimeOffset> slots, TimeZoneInfo zone, string senderIntro, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(zone);
        if (slots.Count == 0)
        {
            throw new ArgumentException("An offer needs at least one slot.", nameof(slots));
        }

        var local = slots.Select(s => TimeZoneInfo.ConvertTime(s, zone)).ToList();
        var label = ZoneLabels.For(zone, slots[0]);
        string[] forms = local.Count == 1 ? SingleForms(local[0], label) : ListForms(local, label);
        var withIntro = forms.Select(form => Join(senderIntro, form)).ToList();
        return withIntro.Find(text => text.Length <= maxLength) ?? withIntro[^1];
    }

    /// <summary>"You're booked for Tue Dec 8 at 3:00 PM ET. Talk then! - Alex".</summary>
    public static string Confirmation(DateTimeOffset slot, TimeZoneInfo zone, string senderName)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(slot, zone);
        var text = $"You're booked for {Day(local)} at {LongTime(local)} {ZoneLabels.For(zone, slot)}. Talk then!";
        return string.IsNullOrWhiteSpace(senderName) ? text : $"{text} - {senderName.Trim()}";
    }

    private static string[] ListForms(List<DateTimeOffset> local, string label)
    {
        var numbers = string.Join(", ", Enumerable.Range(1, local.Count - 1).Select(i => i.ToString(Us))) + $" or {local.Count.ToString(Us)}";
        var full = string.Join(" ", local.Select((t, i) => $"{i + 1}) {Day(t)}, {LongTime(t)}"));
        var medium = string.Join(" ", local.Select((t, i) => $"{i + 1}) {Day(t)}, {ShortTime(t)}"));
        var weekdaysRepeat = local.Select(t => t.DayOfWeek).Distinct().Count() < local.Select(t => t.Date).Distinct().Count();
        var brief = local.Select(t => $"{(weekdaysRepeat ? ShortDay(t) : Weekday(t))} {ShortTime(t)}").ToList();
        return
        [
            $"Here are a few times for a quick call: {full} ({label}). Which works? Reply with the number.",
            $"Quick call? {medium} {label}. Reply {numbers}.",
            $"{string.Join(", ", brief[..^1])} or {brief[^1]} {label}?",
        ];
    }

    private static string[] SingleForms(DateTimeOffset local, string label) =>
    [
        $"Would a quick call on {Day(local)} at {LongTime(local)} ({label}) work? Reply YES to book it.",
        $"Quick call {Day(local)}, {ShortTime(local)} {label}? Reply YES to book it.",
        $"{Weekday(local)} {ShortTime(local)} {label} work for a quick call?",
    ];

    private static string Join(string? intro, string body) =>
        string.IsNullOrWhiteSpace(intro) ? body : $"{intro.TrimEnd()} {body}";

    private static string Day(DateTimeOffset local) => local.ToString("ddd MMM d", Us);

    private static string ShortDay(DateTimeOffset local) => local.ToString("ddd M/d", Us);

    private static string Weekday(DateTimeOffset local) => local.ToString("ddd", Us);

    /// <summary>"3:00 PM", "10:30 AM", "12:00 PM".</summary>
    private static string LongTime(DateTimeOffset local) => local.ToString("h:mm tt", Us);

    /// <summary>"3pm", "10:30am", "12pm".</summary>
    private static string ShortTime(DateTimeOffset local) =>
        (local.Minute == 0 ? local.ToString("htt", Us) : local.ToString("h:mmtt", Us)).ToLowerInvariant();
}
