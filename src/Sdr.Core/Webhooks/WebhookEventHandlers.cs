using System.Text.Json;
using Microsoft.Extensions.Options;
using Sdr.Core.Data.Entities;
using Sdr.Core.GoHighLevel;

namespace Sdr.Core.Webhooks;

/// <summary>What processing an event did: <see cref="WebhookEventStatus.Processed"/> or <see cref="WebhookEventStatus.Ignored"/>, and why.</summary>
public sealed record WebhookHandling(string Status, string Outcome)
{
    public static WebhookHandling Done(string outcome) => new(WebhookEventStatus.Processed, outcome);

    public static WebhookHandling Ignore(string reason) => new(WebhookEventStatus.Ignored, reason);
}

/// <summary>
/// Acts on one stored webhook event: parses its payload once into the typed record of its event type
/// and hands it to that type's handler. Local effects are made on the scoped context and saved by
/// the processor together with the event's status, in one transaction.
/// </summary>
public sealed class WebhookEventHandlers(
    InboundMessageHandler inboundMessages,
    ContactDndHandler dndUpdates,
    AppointmentHandler appointments,
    OpportunityStageHandler stageChanges,
    IOptions<GhlOptions> ghl)
{
    /// <param name="snapshot">Contacts of the batch known to have no sequence (their replies skip the query); null reads each.</param>
    public async Task<WebhookHandling> HandleAsync(SdrWebhookEvent webhookEvent, SequenceSnapshot? snapshot, CancellationToken cancellationToken)
    {
        var locationId = webhookEvent.LocationId!;
        var contactId = webhookEvent.ContactId!;
        if (!ghl.Value.Locations.Any(l => l.LocationId == locationId))
        {
            return WebhookHandling.Ignore("unknown location");
        }

        using var document = JsonDocument.Parse(webhookEvent.Payload ?? "{}");
        var root = document.RootElement;
        return webhookEvent.Endpoint switch
        {
            WebhookEndpointNames.Reply => await inboundMessages.HandleAsync(webhookEvent, InboundMessagePayload.Parse(root), locationId, contactId, snapshot, cancellationToken),
            WebhookEndpointNames.OptOut => await dndUpdates.HandleAsync(webhookEvent, ContactDndPayload.Parse(root), locationId, contactId, cancellationToken),
            WebhookEndpointNames.BookingConfirmed => await appointments.HandleAsync(AppointmentPayload.Parse(root), locationId, contactId, cancellationToken),
            WebhookEndpointNames.StageChange => await stageChanges.HandleAsync(webhookEvent, OpportunityStagePayload.Parse(root), locationId, contactId, cancellationToken),
            _ => WebhookHandling.Ignore("unknown endpoint"),
        };
    }
}
