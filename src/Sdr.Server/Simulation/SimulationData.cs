using Microsoft.EntityFrameworkCore;
using Sdr.Core.Compliance;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Server.Simulation;

/// <summary>The rows of the simulation's database the report is counted from (no message text is read).</summary>
internal sealed class SimulationData
{
    public required List<SequenceRow> Sequences { get; init; }

    /// <summary>Cadence touches GHL took.</summary>
    public required List<SentTouch> Sent { get; init; }

    /// <summary>Every sent message held to the allowed hours: cadence touches and our answers, questions and offers.</summary>
    public required List<HoursSend> HoursSends { get; init; }

    /// <summary>STOP confirmations and HELP replies sent: they answer the prospect's own message and skip the hours by design.</summary>
    public int KeywordAnswers { get; init; }

    /// <summary>Per sequence: when its first human (not auto-responder) reply arrived.</summary>
    public required Dictionary<long, DateTime> FirstReply { get; init; }

    public int AutoResponderSequences { get; init; }

    public required Dictionary<long, DateTime> Qualified { get; init; }

    public required Dictionary<long, DateTime> Booked { get; init; }

    public required Dictionary<long, DateTime> OptedOut { get; init; }

    public required IReadOnlyDictionary<string, int> RepliesByCategory { get; init; }

    /// <summary>Conversational messages by purpose and final status (and reason when not sent).</summary>
    public required List<ReasonCount> MessageOutcomes { get; init; }

    public static async Task<SimulationData> LoadAsync(SdrDbContext db, CancellationToken cancellationToken)
    {
        var sequences = await db.Sequences.AsNoTracking()
            .Select(s => new SequenceRow(s.Id, s.ContactId, s.AbVariant, s.CurrentStep, s.IsActive, s.EndReason, s.EndedAt))
            .ToListAsync(cancellationToken);
        var touches = await db.Touches.AsNoTracking().Where(t => t.Status == TouchStatus.Sent && t.SentAt != null)
            .Select(t => new SentTouch(t.SequenceId, t.ContactId, t.Step, t.Channel, t.SentAt!.Value))
            .ToListAsync(cancellationToken);
        var messages = await db.OutboundMessages.AsNoTracking()
            .Select(m => new { m.ContactId, m.Purpose, m.Channel, m.Status, m.Reason, m.SentAt })
            .ToListAsync(cancellationToken);
        var replies = await db.Replies.AsNoTracking().Where(r => r.SequenceId != null)
            .Select(r => new { SequenceId = r.SequenceId!.Value, r.ReceivedAt, r.Category, r.IsAutoResponder })
            .ToListAsync(cancellationToken);
        var events = await db.SequenceEvents.AsNoTracking()
            .Where(e => e.Kind == SequenceEventKinds.HandedOff || e.Kind == SequenceEventKinds.Booked)
            .Select(e => new { e.SequenceId, e.Kind, e.At })
            .ToListAsync(cancellationToken);

        var sentMessages = messages.Where(m => m.Status == OutboundMessageStatus.Sent && m.SentAt != null).ToList();
        var hoursSends = touches.Select(t => new HoursSend(t.ContactId, $"{t.Step.ToName()} ({t.Channel})", t.SentAt))
            .Concat(sentMessages.Where(m => m.Purpose.AppliesHours()).Select(m => new HoursSend(m.ContactId, $"{m.Purpose.ToName()} ({m.Channel.ToName()})", m.SentAt!.Value)))
            .ToList();

        // As the product's funnel counts it: a sequence that ended opted out, at the moment it ended.
        var optedOut = sequences.Where(s => s.CurrentStep == SequenceStep.OptedOut && s.EndedAt is not null).ToDictionary(s => s.Id, s => s.EndedAt!.Value);

        return new SimulationData
        {
            Sequences = sequences,
            Sent = touches,
            HoursSends = hoursSends,
            KeywordAnswers = sentMessages.Count(m => m.Purpose.AnswersKeyword()),
            FirstReply = FirstByKind(replies.Where(r => !r.IsAutoResponder).Select(r => (r.SequenceId, r.ReceivedAt))),
            AutoResponderSequences = replies.Where(r => r.IsAutoResponder).Select(r => r.SequenceId).Distinct().Count(),
            Qualified = FirstByKind(events.Where(e => e.Kind == SequenceEventKinds.HandedOff).Select(e => (e.SequenceId, e.At))),
            Booked = FirstByKind(events.Where(e => e.Kind == SequenceEventKinds.Booked).Select(e => (e.SequenceId, e.At))),
            OptedOut = optedOut,
            RepliesByCategory = replies.GroupBy(r => r.IsAutoResponder ? "auto_responder" : r.Category, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            MessageOutcomes = [.. messages
                .GroupBy(m => $"{m.Purpose.ToName()}: {m.Status.ToString().ToLowerInvariant()}"
                    + (m.Status == OutboundMessageStatus.Sent || m.Reason is null ? "" : " (" + SimulationReportBuilder.ReasonKind(m.Reason) + ")"), StringComparer.Ordinal)
                .Select(g => new ReasonCount(g.Key, g.Count()))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Reason, StringComparer.Ordinal)],
        };
    }

    private static Dictionary<long, DateTime> FirstByKind(IEnumerable<(long SequenceId, DateTime At)> rows) =>
        rows.GroupBy(r => r.SequenceId).ToDictionary(g => g.Key, g => g.Min(r => r.At));

    internal sealed record SequenceRow(long Id, string ContactId, string AbVariant, SequenceStep CurrentStep, bool IsActive, string? EndReason, DateTime? EndedAt);

    internal sealed record SentTouch(long SequenceId, string ContactId, SequenceStep Step, string Channel, DateTime SentAt);

    internal sealed record HoursSend(string ContactId, string Kind, DateTime SentAt);
}
