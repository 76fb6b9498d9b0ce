using System.Text.Json.Serialization;

namespace Sdr.Core.Insight;

/// <summary>
/// <c>GET /sdr/stats</c>: the seed's SDRMetricWindow for the requested N days and for the rolling last hour,
/// 24 hours and 7 days, plus the GHL circuit of each location as this process sees it now.
/// </summary>
/// <param name="LocationId">The location the numbers are for; null for all locations.</param>
/// <param name="Days">The length of <paramref name="Window"/> in days.</param>
/// <param name="GeneratedAt">The clock's now: every window ends here.</param>
public sealed record SdrStatsReport(
    string? LocationId,
    int Days,
    DateTime GeneratedAt,
    SdrMetricWindow Window,
    RollingWindows Rolling,
    IReadOnlyList<LocationCircuit> Circuits);

/// <summary>The same figures over the last hour, 24 hours and 7 days.</summary>
public sealed record RollingWindows(
    SdrMetricWindow LastHour,
    [property: JsonPropertyName("last_24_hours")] SdrMetricWindow Last24Hours,
    [property: JsonPropertyName("last_7_days")] SdrMetricWindow Last7Days);

/// <summary>What happened between <paramref name="From"/> and <paramref name="To"/> (both included), from the stored rows.</summary>
/// <param name="Enrolled">Sequences enrolled in the window.</param>
/// <param name="Touches">Cadence touches confirmed sent in the window.</param>
/// <param name="Dispatch">The cadence's dispatch verdicts in the window: sent (the confirmed touches), deferred, blocked and failed by reason.</param>
/// <param name="Replies">Replies received in the window and the reply rate.</param>
/// <param name="TimeToFirstReply">For sequences whose first (human) reply came in the window: the time from their first touch.</param>
/// <param name="Objections">Objections logged in the window, by type.</param>
/// <param name="Qualified">Sequences handed off as qualified in the window.</param>
/// <param name="Booked">Sequences that booked an appointment in the window.</param>
/// <param name="OptedOut">Sequences ended by an opt-out in the window.</param>
/// <param name="GhlErrors">GHL calls that failed in the window, as the stored rows record them.</param>
/// <param name="LlmCalls">Language model calls in the window.</param>
public sealed record SdrMetricWindow(
    DateTime From,
    DateTime To,
    int Enrolled,
    TouchCounts Touches,
    DispatchCounts Dispatch,
    ReplyCounts Replies,
    FirstReplyTimes TimeToFirstReply,
    IReadOnlyDictionary<string, int> Objections,
    int Qualified,
    int Booked,
    int OptedOut,
    GhlErrorCounts GhlErrors,
    LlmCallCounts LlmCalls);

/// <param name="ByChannel">sms, email, voicemail.</param>
/// <param name="ByStep">sms_1, email_1, ... nurture_pause.</param>
public sealed record TouchCounts(int Total, IReadOnlyDictionary<string, int> ByChannel, IReadOnlyDictionary<string, int> ByStep);

/// <param name="Sent">Touches confirmed sent (the confirmed touch is the record of a "sent" verdict).</param>
/// <param name="DeferredByReason">Deferrals by kind of reason (quiet_hours, contact_daily_cap, daily_sms_cap, ...).</param>
public sealed record DispatchCounts(
    int Sent,
    int Deferred,
    int Blocked,
    int Failed,
    IReadOnlyDictionary<string, int> DeferredByReason,
    IReadOnlyDictionary<string, int> BlockedByReason,
    IReadOnlyDictionary<string, int> FailedByReason);

/// <param name="Total">Replies from people (auto-responders not counted).</param>
/// <param name="AutoResponses">Out-of-office and other automatic answers, not counted as replies.</param>
/// <param name="ByCategory">Replies by classification (opt_out, not_interested, timing, ...).</param>
/// <param name="RepliedSequences">Sequences with a reply in the window.</param>
/// <param name="TouchedSequences">Sequences touched in the window, or replying in it to an earlier touch.</param>
/// <param name="ReplyRate">RepliedSequences / TouchedSequences (0 when none were touched).</param>
public sealed record ReplyCounts(
    int Total,
    int AutoResponses,
    IReadOnlyDictionary<string, int> ByCategory,
    int RepliedSequences,
    int TouchedSequences,
    double ReplyRate);

/// <summary>Seconds from a sequence's first sent touch to its first reply; null when no sequence replied.</summary>
/// <param name="Count">Sequences measured.</param>
public sealed record FirstReplyTimes(int Count, double? MedianSeconds, double? P90Seconds);

/// <param name="FailedTouches">Cadence touches GHL did not take.</param>
/// <param name="UnknownTouches">Cadence touches whose GHL outcome was unknown (checked against the conversation, never re-sent).</param>
/// <param name="FailedMessages">Conversational messages (answers, STOP confirmations, offers) that failed or whose outcome was unknown.</param>
/// <param name="FailedActions">GHL writes (tags, DND, notes) that gave up.</param>
public sealed record GhlErrorCounts(int FailedTouches, int UnknownTouches, int FailedMessages, int FailedActions, int Total);

public sealed record LlmCallCounts(int Calls, int Failed, int FellBack);

/// <param name="State">closed, open or half_open.</param>
/// <param name="OpenUntil">When an open circuit admits its trial call.</param>
public sealed record LocationCircuit(string LocationId, string State, DateTimeOffset? OpenUntil);

/// <summary>
/// <c>GET /sdr/stats/sequences</c>: the sequences enrolled in the window, followed to now. For each step, how many
/// ever had that step's touch sent, and how many replied, qualified, booked or opted out after it (each outcome goes
/// to the last step sent before it; <c>enrolled</c> takes outcomes before any touch).
/// </summary>
/// <param name="Funnel">All the variants asked for, together.</param>
/// <param name="Variants">One funnel per variant.</param>
public sealed record SequenceFunnelReport(
    string? LocationId,
    int Days,
    string? Variant,
    DateTime From,
    DateTime To,
    int Enrolled,
    IReadOnlyList<FunnelStep> Funnel,
    IReadOnlyList<VariantFunnel> Variants);

public sealed record VariantFunnel(
    string Variant,
    int Enrolled,
    int Replied,
    int Qualified,
    int Booked,
    int OptedOut,
    double ReplyRate,
    IReadOnlyList<FunnelStep> Funnel);

/// <param name="Reached">Sequences whose touch at this step was sent (for <c>enrolled</c>: all of them).</param>
/// <param name="ReplyRate">Replied / Reached: the replies this step drew.</param>
public sealed record FunnelStep(string Step, int Reached, int Replied, int Qualified, int Booked, int OptedOut, double ReplyRate);
