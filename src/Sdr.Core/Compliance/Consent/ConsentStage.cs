using Sdr.Core.Data;
using Sdr.Core.Sequences;

namespace Sdr.Core.Compliance.Consent;

/// <summary>
/// Stage 1 of the compliance pipeline: a contact (or phone number) in the suppression ledger gets
/// nothing more on that channel, in any location, and its sequence ends.
/// </summary>
public sealed class ConsentStage(SdrDbContext db) : IOutboundStage
{
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
        return reasons
            .Select(reason => reason is null ? StageDecision.Continue : StageDecision.Block($"suppressed ({reason})", endsSequence: true))
            .ToList();
    }
}
