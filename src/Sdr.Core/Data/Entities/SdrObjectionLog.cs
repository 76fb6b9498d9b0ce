namespace Sdr.Core.Data.Entities;

/// <summary>
/// <c>sdr_objection_logs</c>: one row per objection answered (the seed's analytics table). <see cref="Outcome"/>
/// stays null until the prospect's next move settles it (<see cref="ObjectionOutcomes"/>).
/// </summary>
public sealed class SdrObjectionLog
{
    public long Id { get; set; }
    public required string ContactId { get; set; }
    public string? LocationId { get; set; }
    public long? SequenceId { get; set; }
    public long? ReplyId { get; set; }
    public required string ObjectionType { get; set; }

    /// <summary>The sequence's variant when the objection came (for per-variant numbers).</summary>
    public string? AbVariant { get; set; }

    /// <summary>Encrypted at rest.</summary>
    public string? RawMessage { get; set; }

    /// <summary>The text we answered with. Encrypted at rest (it may carry the prospect's name).</summary>
    public string? RebuttalUsed { get; set; }

    /// <summary>Where the answer came from: <c>template:&lt;key&gt;</c> or <c>llm</c>.</summary>
    public string? RebuttalSource { get; set; }

    public string? Outcome { get; set; }
    public DateTime? OutcomeAt { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>What the prospect did after an objection was answered.</summary>
public static class ObjectionOutcomes
{
    public const string Replied = "replied";
    public const string Qualified = "qualified";
    public const string Booked = "booked";
    public const string OptedOut = "opted_out";
    public const string Silent = "silent";

    public static readonly IReadOnlyList<string> All = [Replied, Qualified, Booked, OptedOut, Silent];
}
