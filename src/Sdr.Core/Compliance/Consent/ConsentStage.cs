using Microsoft.EntityFrameworkCore;
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
        var contactId = request.Sequence.ContactId;
        var locationId = request.Sequence.LocationId;
        var channel = request.Channel.ToName();
        var phoneHash = PhoneHash.Of(request.Recipient.Phone);

        var reason = await db.Suppressions.AsNoTracking()
            .Where(s => s.ContactId == contactId || (phoneHash != null && s.PhoneHash == phoneHash))
            .Where(s => s.LocationId == null || s.LocationId == locationId)
            .Where(s => s.Channel == null || s.Channel == channel)
            .OrderBy(s => s.Id)
            .Select(s => s.Source + ": " + s.Reason)
            .FirstOrDefaultAsync(cancellationToken);

        return reason is null ? StageDecision.Continue : StageDecision.Block($"suppressed ({reason})", endsSequence: true);
    }
}
