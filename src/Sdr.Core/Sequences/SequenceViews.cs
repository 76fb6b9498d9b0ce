using Sdr.Core.Data.Entities;
namespace Sdr.Core.Sequences;

public sealed record ProspectView(
    string ContactId,
    string LocationId,
    string Source,
    string LeadType,
    double? FrsScore,
    double? PcsScore,
    DateTimeOffset EnrolledAt,
    string? CurrentStep,
    DateTimeOffset? NextTouchAt,
    int ReplyCount,
    bool Active)
{
    /// <summary>The decoder's confidence in its own reading at the last evaluation (0–1).</summary>
    public double? IntentConfidence { get; init; }

    /// <summary>The signals behind the scores (name, dimension, weight, rule), as stored at the last evaluation.</summary>
    public System.Text.Json.JsonElement? QualificationSignals { get; init; }

    public DateTimeOffset? EvaluatedAt { get; init; }
    public string? HandoffTarget { get; init; }
    public DateTimeOffset? HandedOffAt { get; init; }

    /// <summary>What the ProspectProfiler found (address, listing and price history, lead type evidence, ...); null before the first profile.</summary>
    public Profiles.ProspectProfile? Profile { get; init; }

    public DateTimeOffset? ProfiledAt { get; init; }
}

/// <summary>A touch; <c>Error</c> says why it failed or why its outcome is unknown, <c>NeedsReview</c> that a person should check GHL.</summary>
public sealed record TouchView(string Step, string Channel, string Status, DateTimeOffset? SentAt, string? GhlMessageId, string? Error, bool NeedsReview)
{
    /// <summary>The template file the message came from (<c>sources/fsbo/consultative/sms_1</c>), and that file's variant.</summary>
    public string? TemplateId { get; init; }

    public string? TemplateVariant { get; init; }

    /// <summary>The language model that rewrote the filled template; null when the template went out as filled.</summary>
    public string? ComposedByModel { get; init; }
}

/// <summary>
/// An inbound message: how it was classified (<c>rule</c> names the keyword list, pattern or <c>llm</c>; never
/// text), what the agent did about it (<c>action</c>), and the text itself (this is the admin API).
/// </summary>
public sealed record ReplyView(DateTimeOffset ReceivedAt, string? Category, double? Confidence, string? DecidedBy)
{
    public string? Rule { get; init; }
    public IReadOnlyList<string> AlsoDetected { get; init; } = [];
    public bool AutoResponder { get; init; }
    public string? Action { get; init; }
    public string? Channel { get; init; }
    public string? Body { get; init; }
}

/// <summary>A conversational message of ours (answer, question, booking offer, STOP/HELP reply) and where it is.</summary>
public sealed record MessageView(string Purpose, string Channel, string Status, string? Body, string? Reason, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

/// <summary>What the conversation did to the sequence: paused, resumed, evaluated, offered times, booked, handed off.</summary>
public sealed record SequenceEventView(DateTimeOffset At, string Kind, string Detail);

public sealed record DecisionView(DateTimeOffset At, string Step, string Outcome, string Reason, DateTimeOffset? Until);

public sealed record SequenceView(
    long SequenceId,
    string ContactId,
    string LocationId,
    string CurrentStep,
    DateTimeOffset? NextTouchAt,
    int ReplyCount,
    string AbVariant,
    DateTimeOffset EnrolledAt,
    bool Active,
    string? EndReason,
    string? LastError,
    IReadOnlyList<TouchView> Touches,
    IReadOnlyList<ReplyView> Replies,
    IReadOnlyList<DecisionView> Decisions)
{
    /// <summary>True while a conversation has the automated cadence paused.</summary>
    public bool Paused { get; init; }

    public string? PauseReason { get; init; }

    /// <summary>When the cadence picks up again if the prospect stays silent.</summary>
    public DateTimeOffset? ResumesAt { get; init; }

    public IReadOnlyList<MessageView> Messages { get; init; } = [];
    public IReadOnlyList<SequenceEventView> Events { get; init; } = [];
}
