namespace Sdr.Core.Data.Entities;

/// <summary>
/// <c>sdr_sequence_events</c>: what happened to a sequence besides its touches (paused by a reply, resumed
/// after silence, evaluated, handed off, booked), so the timeline can say why. No message text.
/// </summary>
public sealed class SdrSequenceEvent
{
    public long Id { get; set; }
    public long SequenceId { get; set; }
    public required string ContactId { get; set; }
    public DateTime At { get; set; }

    /// <summary>One of <see cref="SequenceEventKinds"/>.</summary>
    public required string Kind { get; set; }

    public required string Detail { get; set; }
}

public static class SequenceEventKinds
{
    public const string Paused = "paused";
    public const string Resumed = "resumed";
    public const string Nurture = "nurture";
    public const string Evaluated = "evaluated";
    public const string QuestionAsked = "question_asked";
    public const string SlotsOffered = "slots_offered";
    public const string Booked = "booked";
    public const string HandedOff = "handed_off";
    public const string OptedOut = "opted_out";

    /// <summary>When the next touch was scheduled and why (the location's reply rates by local hour), once per step.</summary>
    public const string SendTime = "send_time";
}
