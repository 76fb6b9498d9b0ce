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

    public async ValueTask<StageDecision> EvaluateAsync(OutboundRequest request, CancellationToken cancellationToken)
    {
        var reason = await SuppressionLedger.FindAsync(
            db, request.Sequence.ContactId, request.Sequence.LocationId, request.Channel.ToName(), request.Recipient.Phone, cancellationToken);
        return reason is null ? StageDecision.Continue : StageDecision.Block($"suppressed ({reason})", endsSequence: true);
    }
}
