using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Phones;

namespace Sdr.Core.Compliance.Consent;

/// <summary>
/// Stage 1 of the compliance pipeline: a contact (or phone number) in the suppression ledger gets
/// nothing more on that channel, in any location, and its sequence ends. A contact with an inbound
/// message or opt-out still waiting in the webhook inbox is held until it is processed: a STOP that
/// has arrived is never outrun by a touch.
/// </summary>
public sealed class ConsentStage(SdrDbContext db, CadenceStore store) : IOutboundStage
{
    private static readonly TimeSpan InboxHold = TimeSpan.FromMinutes(2);

    public int Order => 10;

    public string Name => "consent";

    public async ValueTask<StageDecision> EvaluateAsync(OutboundRequest request, CancellationToken cancellationToken) =>
        (await EvaluateManyAsync([request], cancellationToken))[0];

    /// <summary>One ledger query for the whole group.</summary>
    public async ValueTask<IReadOnlyList<StageDecision>> EvaluateManyAsync(IReadOnlyList<OutboundRequest> requests, CancellationToken cancellationToken)
    {
        var lookups = requests
            .Select(r => new SuppressionLookup(r.Sequence.ContactId, r.Sequence.LocationId, r.Channel.ToName(), r.Recipient.ResolvedPhone?.Hash))
            .ToList();
        var reasons = await SuppressionLedger.FindManyAsync(db, lookups, cancellationToken);
        var contactIds = requests.Select(r => r.Sequence.ContactId).Distinct().ToList();
        var waiting = await store.ContactsWithPendingInboundAsync(contactIds, cancellationToken);
        return reasons
            .Select((reason, i) => reason is not null ? StageDecision.Block($"suppressed ({reason})", endsSequence: true)
                : waiting.Contains(requests[i].Sequence.ContactId) ? StageDecision.Defer("an inbound message from the contact is still being processed", requests[i].Now + InboxHold)
                : StageDecision.Continue)
            .ToList();
    }
}
