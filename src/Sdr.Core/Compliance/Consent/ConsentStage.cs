using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Phones;

namespace Sdr.Core.Compliance.Consent;

/// <summary>
/// Stage 1 of the compliance pipeline: a contact (or phone number) in the suppression ledger gets
/// nothing more on that channel, in any location, and its sequence ends. A contact with an inbound
/// message or opt-out still waiting in the webhook inbox is held until it is processed: a STOP that
/// has arrived is never outrun by a touch. A STOP confirmation or HELP reply skips the stage
/// (<see cref="MessagePurposeRules.AppliesConsent"/>): it answers the message that suppressed the contact.
/// </summary>
public sealed class ConsentStage(SdrDbContext db, CadenceStore store) : IOutboundStage
{
    private static readonly TimeSpan InboxHold = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PausedRecheck = TimeSpan.FromDays(1);

    public int Order => 10;

    public string Name => "consent";

    public async ValueTask<StageDecision> EvaluateAsync(OutboundRequest request, CancellationToken cancellationToken) =>
        (await EvaluateManyAsync([request], cancellationToken))[0];

    /// <summary>One ledger query for the whole group (of the messages the stage applies to).</summary>
    public async ValueTask<IReadOnlyList<StageDecision>> EvaluateManyAsync(IReadOnlyList<OutboundRequest> requests, CancellationToken cancellationToken)
    {
        var decisions = new StageDecision[requests.Count];
        Array.Fill(decisions, StageDecision.Continue);
        var held = Enumerable.Range(0, requests.Count).Where(i => requests[i].Purpose.AppliesConsent()).ToList();
        if (held.Count == 0)
        {
            return decisions;
        }

        var lookups = held
            .Select(i => new SuppressionLookup(requests[i].ContactId, requests[i].LocationId, requests[i].Channel.ToName(), requests[i].Recipient.ResolvedPhone?.Hash))
            .ToList();
        var reasons = await SuppressionLedger.FindManyAsync(db, lookups, cancellationToken);
        var contactIds = held.Select(i => requests[i].ContactId).Distinct().ToList();
        var waiting = await store.ContactsWithPendingInboundAsync(contactIds, cancellationToken);
        var paused = await PausedSinceReadAsync(requests, held, cancellationToken);
        for (var j = 0; j < held.Count; j++)
        {
            var request = requests[held[j]];
            decisions[held[j]] = reasons[j] is { } reason ? StageDecision.Block($"suppressed ({reason})", endsSequence: true)
                : waiting.Contains(request.ContactId) ? StageDecision.Defer("an inbound message from the contact is still being processed", request.Now + InboxHold)
                : request.Sequence is { } sequence && paused.TryGetValue(sequence.Id, out var resumesAt)
                    ? StageDecision.Defer("a conversation is in progress: the cadence is paused", resumesAt ?? request.Now + PausedRecheck)
                : StageDecision.Continue;
        }

        return decisions;
    }

    /// <summary>
    /// Cadence touches whose sequence a reply has paused, read inside the reservation's transaction (a reply may
    /// race the cadence and pause it after the batch read it): the touch waits until the pause ends, so no canned follow-up lands on a person who has just answered.
    /// </summary>
    private async Task<Dictionary<long, DateTime?>> PausedSinceReadAsync(IReadOnlyList<OutboundRequest> requests, List<int> held, CancellationToken cancellationToken)
    {
        var ids = held.Where(i => requests[i].Purpose == MessagePurpose.CadenceStep && requests[i].Sequence is not null)
            .Select(i => requests[i].Sequence!.Id)
            .ToList();
        return ids.Count == 0
            ? []
            : await db.Sequences.AsNoTracking()
                .Where(s => ids.Contains(s.Id) && s.PausedAt != null)
                .ToDictionaryAsync(s => s.Id, s => s.ResumesAt, cancellationToken);
    }
}
