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
    bool Active);

/// <summary>A touch; <c>Error</c> says why it failed or why its outcome is unknown, <c>NeedsReview</c> that a person should check GHL.</summary>
public sealed record TouchView(string Step, string Channel, string Status, DateTimeOffset? SentAt, string? GhlMessageId, string? Error, bool NeedsReview);

public sealed record ReplyView(DateTimeOffset ReceivedAt, string? Category, double? Confidence, string? DecidedBy);

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
    IReadOnlyList<DecisionView> Decisions);
