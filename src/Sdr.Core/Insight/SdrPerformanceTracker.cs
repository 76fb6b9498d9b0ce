using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.GoHighLevel;
using Sdr.Core.GoHighLevel.Resilience;

namespace Sdr.Core.Insight;

/// <summary>
/// The seed's SdrPerformanceTracker: every figure counted in the database from the stored touches, decisions, replies,
/// objections, sequence events and failed GHL calls (grouped counts, never the rows themselves), plus the in-process
/// GHL circuit of each location. The queries are plain LINQ that SQLite and PostgreSQL run alike.
/// </summary>
public sealed class SdrPerformanceTracker(
    SdrDbContext db,
    TimeProvider time,
    GhlCircuitBreakerRegistry circuits,
    IOptions<GhlOptions> ghl)
{
    /// <summary>At most this many first replies (the latest) feed the median and p90 of one window.</summary>
    public const int FirstReplySampleLimit = 20_000;

    public async Task<SdrStatsReport> GetStatsAsync(string? locationId, int days, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var now = time.GetUtcNow().UtcDateTime;
        var window = await WindowAsync(locationId, now.AddDays(-days), now, cancellationToken);
        var rolling = new RollingWindows(
            await WindowAsync(locationId, now.AddHours(-1), now, cancellationToken),
            await WindowAsync(locationId, now.AddHours(-24), now, cancellationToken),
            days == 7 ? window : await WindowAsync(locationId, now.AddDays(-7), now, cancellationToken));
        return new SdrStatsReport(locationId, days, now, window, rolling, Circuits(locationId));
    }

    public async Task<SequenceFunnelReport> GetSequenceFunnelAsync(string? locationId, int days, string? variant, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var to = time.GetUtcNow().UtcDateTime;
        var from = to.AddDays(-days);
        var cohort = db.Sequences.AsNoTracking().Where(s => s.EnrolledAt >= from && s.EnrolledAt <= to);
        if (locationId is not null)
        {
            cohort = cohort.Where(s => s.LocationId == locationId);
        }

        if (variant is not null)
        {
            cohort = cohort.Where(s => s.AbVariant == variant);
        }

        var enrolled = await cohort.GroupBy(s => s.AbVariant)
            .Select(g => new { Variant = g.Key, Count = g.Count() })
            .ToDictionaryAsync(r => r.Variant, r => r.Count, StringComparer.Ordinal, cancellationToken);
        var reached = await db.Touches.AsNoTracking()
            .Where(t => t.Status == TouchStatus.Sent && t.SentAt != null)
            .Join(cohort, t => t.SequenceId, s => s.Id, (t, s) => new { s.AbVariant, t.Step })
            .GroupBy(x => new { x.AbVariant, x.Step })
            .Select(g => new StepCount(g.Key.AbVariant, g.Key.Step, g.Count()))
            .ToListAsync(cancellationToken);

        var replied = await AttributeAsync(
            cohort.Select(s => new SequenceOutcome
            {
                SequenceId = s.Id,
                Variant = s.AbVariant,
                At = db.Replies.Where(r => r.SequenceId == s.Id && !r.IsAutoResponder).Min(r => (DateTime?)r.ReceivedAt),
            }),
            cancellationToken);
        var qualified = await AttributeAsync(EventOutcomes(cohort, SequenceEventKinds.HandedOff), cancellationToken);
        var booked = await AttributeAsync(EventOutcomes(cohort, SequenceEventKinds.Booked), cancellationToken);
        var optedOut = await AttributeAsync(
            cohort.Select(s => new SequenceOutcome
            {
                SequenceId = s.Id,
                Variant = s.AbVariant,
                At = s.CurrentStep == SequenceStep.OptedOut ? s.EndedAt : null,
            }),
            cancellationToken);

        var variants = enrolled.Keys.Order(StringComparer.Ordinal)
            .Select(v => VariantFunnelOf(v, enrolled[v], reached, replied, qualified, booked, optedOut))
            .ToList();
        var total = enrolled.Values.Sum();
        var combined = CombinedFunnel(variants, total);
        return new SequenceFunnelReport(locationId, days, variant, from, to, total, combined, variants);
    }

    /// <summary>A location the configuration names or a sequence was ever enrolled in.</summary>
    public async Task<bool> IsKnownLocationAsync(string locationId, CancellationToken cancellationToken) =>
        ghl.Value.Locations.Any(l => l.LocationId == locationId)
        || await db.Sequences.AsNoTracking().AnyAsync(s => s.LocationId == locationId, cancellationToken);

    /// <summary>A variant some stored sequence uses (the caller adds the variants its configuration names).</summary>
    public Task<bool> IsVariantInUseAsync(string variant, CancellationToken cancellationToken) =>
        db.Sequences.AsNoTracking().AnyAsync(s => s.AbVariant == variant, cancellationToken);

    private async Task<SdrMetricWindow> WindowAsync(string? locationId, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var sequences = db.Sequences.AsNoTracking().Where(s => locationId == null || s.LocationId == locationId);
        var touches = db.Touches.AsNoTracking().Where(t => locationId == null || t.LocationId == locationId);
        var sent = touches.Where(t => t.SentAt != null && t.SentAt >= from && t.SentAt <= to && t.Status == TouchStatus.Sent);
        var replies = db.Replies.AsNoTracking().Where(r => r.ReceivedAt >= from && r.ReceivedAt <= to && (locationId == null || r.LocationId == locationId));
        var human = replies.Where(r => !r.IsAutoResponder);

        var enrolled = await sequences.CountAsync(s => s.EnrolledAt >= from && s.EnrolledAt <= to, cancellationToken);

        var touchRows = await sent.GroupBy(t => new { t.Step, t.Channel })
            .Select(g => new { g.Key.Step, g.Key.Channel, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var touchCounts = new TouchCounts(
            touchRows.Sum(r => r.Count),
            Sum(touchRows.Select(r => (r.Channel, r.Count))),
            Sum(touchRows.OrderBy(r => r.Step).Select(r => (r.Step.ToName(), r.Count))));

        var decisions = db.DispatchDecisions.AsNoTracking().Where(d => d.At >= from && d.At <= to);
        if (locationId is not null)
        {
            decisions = decisions.Where(d => db.Sequences.Any(s => s.Id == d.SequenceId && s.LocationId == locationId));
        }

        var decisionRows = await decisions
            .Where(d => d.Outcome != DecisionOutcome.Sent)
            .GroupBy(d => new
            {
                d.Outcome,
                Kind = d.Reason.StartsWith("hours:") ? DispatchReasons.QuietHours
                    : d.Reason.StartsWith("caps: daily touch cap") ? DispatchReasons.ContactDailyCap
                    : d.Reason.StartsWith("caps: daily SMS cap") ? DispatchReasons.DailySmsCap
                    : d.Reason.StartsWith("caps:") ? DispatchReasons.StateRollingLimit
                    : d.Reason.StartsWith("consent: suppressed") ? DispatchReasons.Suppressed
                    : d.Reason.StartsWith("consent: GHL DND") ? DispatchReasons.GhlDnd
                    : d.Reason.StartsWith("consent: a conversation") ? DispatchReasons.ConversationPaused
                    : d.Reason.StartsWith("consent: an inbound") ? DispatchReasons.InboundPending
                    : d.Reason.StartsWith("consent:") ? DispatchReasons.Consent
                    : d.Reason.StartsWith("content:") ? DispatchReasons.Content
                    : d.Reason.StartsWith("GHL circuit open") ? DispatchReasons.CircuitOpen
                    : d.Reason.StartsWith("gave up after") ? DispatchReasons.GaveUp
                    : d.Reason.StartsWith("GHL rejected") ? DispatchReasons.GhlRejected
                    : d.Reason.StartsWith("GHL outcome unknown") ? DispatchReasons.GhlOutcomeUnknown
                    : DispatchReasons.Other,
            })
            .Select(g => new { g.Key.Outcome, g.Key.Kind, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var dispatch = new DispatchCounts(
            touchCounts.Total,
            decisionRows.Where(r => r.Outcome == DecisionOutcome.Deferred).Sum(r => r.Count),
            decisionRows.Where(r => r.Outcome == DecisionOutcome.Blocked).Sum(r => r.Count),
            decisionRows.Where(r => r.Outcome == DecisionOutcome.Failed).Sum(r => r.Count),
            Sum(decisionRows.Where(r => r.Outcome == DecisionOutcome.Deferred).Select(r => (r.Kind, r.Count))),
            Sum(decisionRows.Where(r => r.Outcome == DecisionOutcome.Blocked).Select(r => (r.Kind, r.Count))),
            Sum(decisionRows.Where(r => r.Outcome == DecisionOutcome.Failed).Select(r => (r.Kind, r.Count))));

        var replyRows = await replies.GroupBy(r => new { r.Category, r.IsAutoResponder })
            .Select(g => new { g.Key.Category, g.Key.IsAutoResponder, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var repliedSequences = human.Where(r => r.SequenceId != null).Select(r => r.SequenceId!.Value).Distinct();
        var replied = await repliedSequences.CountAsync(cancellationToken);
        var touched = await sent.Select(t => t.SequenceId).Union(repliedSequences).CountAsync(cancellationToken);
        var replyCounts = new ReplyCounts(
            replyRows.Where(r => !r.IsAutoResponder).Sum(r => r.Count),
            replyRows.Where(r => r.IsAutoResponder).Sum(r => r.Count),
            Sum(replyRows.Where(r => !r.IsAutoResponder).Select(r => (r.Category, r.Count))),
            replied,
            touched,
            Rate(replied, touched));

        var firstReplies = await human
            .Where(r => r.SequenceId != null
                && !db.Replies.Any(e => e.SequenceId == r.SequenceId && !e.IsAutoResponder && e.ReceivedAt < r.ReceivedAt))
            .Select(r => new
            {
                r.ReceivedAt,
                FirstSent = db.Touches.Where(t => t.SequenceId == r.SequenceId && t.SentAt != null).Min(t => t.SentAt),
            })
            .Where(x => x.FirstSent != null && x.FirstSent <= x.ReceivedAt)
            .OrderByDescending(x => x.ReceivedAt)
            .Take(FirstReplySampleLimit)
            .ToListAsync(cancellationToken);
        var waits = firstReplies.Select(x => (x.ReceivedAt - x.FirstSent!.Value).TotalSeconds).Order().ToList();

        var objections = await db.ObjectionLogs.AsNoTracking()
            .Where(o => o.CreatedAt >= from && o.CreatedAt <= to && (locationId == null || o.LocationId == locationId))
            .GroupBy(o => o.ObjectionType)
            .Select(g => new { Type = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var qualified = await SequencesWithEvent(SequenceEventKinds.HandedOff, locationId, from, to).CountAsync(cancellationToken);
        var booked = await SequencesWithEvent(SequenceEventKinds.Booked, locationId, from, to).CountAsync(cancellationToken);
        var optedOut = await sequences.CountAsync(
            s => s.CurrentStep == SequenceStep.OptedOut && s.EndedAt >= from && s.EndedAt <= to, cancellationToken);

        var touchFailures = await db.Touches.AsNoTracking()
            .Where(t => (t.Status == TouchStatus.Failed || t.Status == TouchStatus.Unknown)
                && t.ReservedAt >= from && t.ReservedAt <= to && (locationId == null || t.LocationId == locationId))
            .GroupBy(t => t.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var failedMessages = await db.OutboundMessages.AsNoTracking().CountAsync(
            m => (m.Status == OutboundMessageStatus.Failed || m.Status == OutboundMessageStatus.Unknown)
                && m.CreatedAt >= from && m.CreatedAt <= to && (locationId == null || m.LocationId == locationId),
            cancellationToken);
        var failedActions = await db.GhlActions.AsNoTracking().CountAsync(
            a => a.Status == GhlActionStatus.Failed && a.CreatedAt >= from && a.CreatedAt <= to && (locationId == null || a.LocationId == locationId),
            cancellationToken);
        var failedTouches = touchFailures.Where(r => r.Status == TouchStatus.Failed).Sum(r => r.Count);
        var unknownTouches = touchFailures.Where(r => r.Status == TouchStatus.Unknown).Sum(r => r.Count);

        var llmRows = await db.LlmCalls.AsNoTracking()
            .Where(c => c.At >= from && c.At <= to && (locationId == null || c.LocationId == locationId))
            .GroupBy(c => new { c.Succeeded, FellBack = c.FallbackReason != null })
            .Select(g => new { g.Key.Succeeded, g.Key.FellBack, Count = g.Count() })
            .ToListAsync(cancellationToken);

        return new SdrMetricWindow(
            from,
            to,
            enrolled,
            touchCounts,
            dispatch,
            replyCounts,
            new FirstReplyTimes(waits.Count, Percentile(waits, 0.5), Percentile(waits, 0.9)),
            Sum(objections.Select(o => (o.Type, o.Count))),
            qualified,
            booked,
            optedOut,
            new GhlErrorCounts(failedTouches, unknownTouches, failedMessages, failedActions, failedTouches + unknownTouches + failedMessages + failedActions),
            new LlmCallCounts(llmRows.Sum(r => r.Count), llmRows.Where(r => !r.Succeeded).Sum(r => r.Count), llmRows.Where(r => r.FellBack).Sum(r => r.Count)));
    }

    private IQueryable<long> SequencesWithEvent(string kind, string? locationId, DateTime from, DateTime to)
    {
        var events = db.SequenceEvents.AsNoTracking().Where(e => e.Kind == kind && e.At >= from && e.At <= to);
        if (locationId is not null)
        {
            events = events.Where(e => db.Sequences.Any(s => s.Id == e.SequenceId && s.LocationId == locationId));
        }

        return events.Select(e => e.SequenceId).Distinct();
    }

    private IQueryable<SequenceOutcome> EventOutcomes(IQueryable<SdrOutreachSequence> cohort, string kind) =>
        cohort.Select(s => new SequenceOutcome
        {
            SequenceId = s.Id,
            Variant = s.AbVariant,
            At = db.SequenceEvents.Where(e => e.SequenceId == s.Id && e.Kind == kind).Min(e => (DateTime?)e.At),
        });

    /// <summary>Counts the outcomes by variant and by the last step whose touch was sent at or before the outcome.</summary>
    private Task<List<StepCount>> AttributeAsync(IQueryable<SequenceOutcome> outcomes, CancellationToken cancellationToken) =>
        outcomes
            .Where(o => o.At != null)
            .Select(o => new
            {
                o.Variant,
                Step = db.Touches
                    .Where(t => t.SequenceId == o.SequenceId && t.Status == TouchStatus.Sent && t.SentAt != null && t.SentAt <= o.At)
                    .OrderByDescending(t => t.SentAt)
                    .Select(t => (SequenceStep?)t.Step)
                    .FirstOrDefault(),
            })
            .GroupBy(x => new { x.Variant, x.Step })
            .Select(g => new StepCount(g.Key.Variant, g.Key.Step ?? SequenceStep.Enrolled, g.Count()))
            .ToListAsync(cancellationToken);

    private static VariantFunnel VariantFunnelOf(
        string variant,
        int enrolled,
        List<StepCount> reached,
        List<StepCount> replied,
        List<StepCount> qualified,
        List<StepCount> booked,
        List<StepCount> optedOut)
    {
        int Count(List<StepCount> rows, SequenceStep step) =>
            rows.Where(r => r.Variant == variant && r.Step == step).Sum(r => r.Count);

        var steps = new List<FunnelStep>();
        foreach (var step in FunnelSteps)
        {
            var reach = step == SequenceStep.Enrolled ? enrolled : Count(reached, step);
            var repliedAfter = Count(replied, step);
            steps.Add(new FunnelStep(step.ToName(), reach, repliedAfter, Count(qualified, step), Count(booked, step), Count(optedOut, step), Rate(repliedAfter, reach)));
        }

        var totalReplied = steps.Sum(s => s.Replied);
        return new VariantFunnel(
            variant,
            enrolled,
            totalReplied,
            steps.Sum(s => s.Qualified),
            steps.Sum(s => s.Booked),
            steps.Sum(s => s.OptedOut),
            Rate(totalReplied, enrolled),
            steps);
    }

    private static List<FunnelStep> CombinedFunnel(List<VariantFunnel> variants, int enrolled) =>
        [.. FunnelSteps.Select(step =>
        {
            var rows = variants.Select(v => v.Funnel.Single(s => s.Step == step.ToName())).ToList();
            var reach = step == SequenceStep.Enrolled ? enrolled : rows.Sum(r => r.Reached);
            var replied = rows.Sum(r => r.Replied);
            return new FunnelStep(step.ToName(), reach, replied, rows.Sum(r => r.Qualified), rows.Sum(r => r.Booked), rows.Sum(r => r.OptedOut), Rate(replied, reach));
        })];

    private static readonly IReadOnlyList<SequenceStep> FunnelSteps = [SequenceStep.Enrolled, .. SequenceStepNames.Cadence];

    private List<LocationCircuit> Circuits(string? locationId)
    {
        var states = circuits.Snapshot();
        return ghl.Value.Locations.Select(l => l.LocationId)
            .Concat(states.Keys)
            .Where(id => !string.IsNullOrEmpty(id) && (locationId == null || id == locationId))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(id => new LocationCircuit(id, StateName(circuits.GetState(id)), circuits.GetOpenUntil(id)))
            .ToList();
    }

    private static string StateName(GhlCircuitState state) => state switch
    {
        GhlCircuitState.Open => "open",
        GhlCircuitState.HalfOpen => "half_open",
        _ => "closed",
    };

    private static Dictionary<string, int> Sum(IEnumerable<(string Key, int Count)> rows)
    {
        var sums = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, count) in rows)
        {
            sums[key] = sums.GetValueOrDefault(key) + count;
        }

        return sums;
    }

    private static double Rate(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);

    /// <summary>Linear interpolation between the closest ranks of sorted values; null for none.</summary>
    internal static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return Math.Round(sorted[low] + ((sorted[high] - sorted[low]) * (rank - low)), 1);
    }

    private sealed record StepCount(string Variant, SequenceStep Step, int Count);

    private sealed class SequenceOutcome
    {
        public long SequenceId { get; init; }
        public required string Variant { get; init; }
        public DateTime? At { get; init; }
    }
}

/// <summary>The kinds of reason a dispatch was deferred, blocked or failed for, as <c>GET /sdr/stats</c> names them.</summary>
public static class DispatchReasons
{
    public const string QuietHours = "quiet_hours";
    public const string ContactDailyCap = "contact_daily_cap";
    public const string DailySmsCap = "daily_sms_cap";
    public const string StateRollingLimit = "state_rolling_limit";
    public const string Suppressed = "suppressed";
    public const string GhlDnd = "ghl_dnd";
    public const string ConversationPaused = "conversation_paused";
    public const string InboundPending = "inbound_pending";
    public const string Consent = "consent";
    public const string Content = "content";
    public const string CircuitOpen = "circuit_open";
    public const string GaveUp = "gave_up";
    public const string GhlRejected = "ghl_rejected";
    public const string GhlOutcomeUnknown = "ghl_outcome_unknown";
    public const string Other = "other";
}
