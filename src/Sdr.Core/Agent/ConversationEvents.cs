using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Agent;

/// <summary>
/// Writes what the conversation did to a sequence into its timeline (<c>sdr_sequence_events</c>), and settles
/// the outcome of answered objections from the prospect's next move. Changes join the caller's unit of work.
/// </summary>
public sealed class ConversationEvents(SdrDbContext db)
{
    public const string ReplyPauseReason = "conversation: the prospect replied";
    private const int DetailMaxLength = 500;

    public void Add(SdrOutreachSequence sequence, string kind, string detail, DateTime at) =>
        db.SequenceEvents.Add(new SdrSequenceEvent
        {
            SequenceId = sequence.Id,
            ContactId = sequence.ContactId,
            At = at,
            Kind = kind,
            Detail = detail.Length <= DetailMaxLength ? detail : detail[..DetailMaxLength],
        });

    /// <summary>
    /// Gives every answered objection of the contact still without an outcome this one. A later, stronger
    /// outcome (qualified, booked, opted out) also replaces <c>replied</c>: what the prospect finally did counts.
    /// </summary>
    public async Task SettleObjectionsAsync(string contactId, string locationId, string outcome, DateTime now, CancellationToken cancellationToken)
    {
        string[] replaceable = outcome == ObjectionOutcomes.Replied ? [] : [ObjectionOutcomes.Replied];
        var open = await db.ObjectionLogs
            .Where(o => o.ContactId == contactId && o.LocationId == locationId && (o.Outcome == null || replaceable.Contains(o.Outcome)))
            .ToListAsync(cancellationToken);
        // Rows this unit of work settled already keep that outcome (a booking, then its handoff: booked).
        foreach (var log in open.Where(o => o.Outcome is null || replaceable.Contains(o.Outcome)))
        {
            log.Outcome = outcome;
            log.OutcomeAt = now;
        }
    }
}
