namespace Sdr.Core.Booking;

/// <summary>What a reply to an offer of call times says.</summary>
public enum SlotPickKind
{
    /// <summary>One of the offered slots (<see cref="SlotPick.Index"/>).</summary>
    Chosen,

    /// <summary>None of the offered slots; new options are wanted (perhaps a time of their own: <see cref="SlotPick.RequestedTime"/>).</summary>
    NoneWork,

    /// <summary>No call at all ("not interested in a call", "no thanks, just text me").</summary>
    Declined,

    /// <summary>A booked call is to be moved ("can we reschedule?"). Before anything is booked, treat it as <see cref="NoneWork"/>.</summary>
    Reschedule,

    /// <summary>Not about the slots, or more than one slot could be meant ("1 or 2").</summary>
    Unclear,
}

/// <summary>
/// The reading of a reply to an offer. <paramref name="Index"/> is 0-based into the offered list (set for
/// <see cref="SlotPickKind.Chosen"/>); <paramref name="Rule"/> names the matcher that decided (never message text),
/// one of <see cref="SlotPickRules"/>.
/// </summary>
public sealed record SlotPick(SlotPickKind Kind, int? Index, string Rule)
{
    /// <summary>The exact time asked for when the reply named an hour that was not offered ("friday at 9").</summary>
    public DateTimeOffset? RequestedTime { get; init; }

    /// <summary>
    /// The span asked for when the reply named a day, part of a day or week but no hour that was offered
    /// ("friday", "thursday afternoon", "anything next week"): free slots inside it are the ones to offer next.
    /// </summary>
    public SlotWindow? RequestedWindow { get; init; }

    /// <summary>
    /// Where to look for the next offer: <see cref="RequestedWindow"/>, or the minute of <see cref="RequestedTime"/>
    /// (so that only that exact slot fits), or null when nothing in particular was asked for.
    /// </summary>
    public SlotWindow? RequestedSpan =>
        RequestedWindow ?? (RequestedTime is { } time ? new SlotWindow(time, time.AddMinutes(1)) : null);
}

/// <summary>A span of time, <see cref="From"/> inclusive, <see cref="Until"/> exclusive.</summary>
public sealed record SlotWindow(DateTimeOffset From, DateTimeOffset Until)
{
    public bool Contains(DateTimeOffset instant) => instant >= From && instant < Until;
}

/// <summary>The names <see cref="SlotPick.Rule"/> takes.</summary>
public static class SlotPickRules
{
    public const string Number = "number";
    public const string Ordinal = "ordinal";
    public const string DayAndTime = "day_and_time";
    public const string Time = "time";
    public const string Day = "day";
    public const string PartOfDay = "part_of_day";
    public const string AnyOffered = "any_offered";
    public const string SingleOfferYes = "single_offer_yes";
    public const string NoneWork = "none_work";
    public const string RejectedOffered = "rejected_offered";
    public const string RequestedOtherTime = "requested_other_time";
    public const string Declined = "declined";
    public const string Reschedule = "reschedule";
    public const string Ambiguous = "ambiguous";
    public const string OutOfRange = "out_of_range";
    public const string NoChoice = "no_choice";
    public const string NotAboutSlots = "not_about_slots";
    public const string Empty = "empty";
}
