using Sdr.Core.Agent;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Webhooks;

/// <summary>
/// InboundMessage (<c>/reply</c>): hands an inbound SMS or email to the agent's intake (<see cref="ReplyIntake"/>),
/// which classifies it, records it, acts on STOP/HELP/START and "not interested" at once, pauses the cadence for a
/// human reply and queues the answer. Outbound messages echoed back by GHL are ignored.
/// </summary>
public sealed class InboundMessageHandler(ReplyIntake intake)
{
    /// <param name="snapshot">Contacts of the batch known to have no sequence (their replies skip the query); null reads each.</param>
    public async Task<WebhookHandling> HandleAsync(SdrWebhookEvent webhookEvent, InboundMessagePayload payload, string locationId, string contactId, SequenceSnapshot? snapshot, CancellationToken cancellationToken)
    {
        var direction = payload.Direction;
        if (direction is not null && !direction.Equals("inbound", StringComparison.OrdinalIgnoreCase))
        {
            return WebhookHandling.Ignore("not an inbound message");
        }

        var isEmail = string.Equals(payload.MessageType, SdrReply.EmailMessageType, StringComparison.OrdinalIgnoreCase);
        var result = await intake.TakeAsync(
            webhookEvent,
            new InboundReply(contactId, locationId, payload.Body, payload.MessageId, isEmail),
            snapshot?.HasNoSequence(contactId, locationId) == true,
            cancellationToken);
        return result.Ignored ? WebhookHandling.Ignore(result.Outcome) : WebhookHandling.Done(result.Outcome);
    }
}
