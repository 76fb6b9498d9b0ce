using Sdr.Core.Compliance.Consent;
using Sdr.Core.Data.Entities;
using Sdr.Core.Sequences;

namespace Sdr.Core.Webhooks;

/// <summary>
/// ContactDndUpdate (<c>/opt-out</c>): mirrors GHL's DND locally (opting out, or lifting only what
/// mirrored GHL); a GHL workflow's post to the same endpoint is the team's own opt-out trigger.
/// </summary>
public sealed class ContactDndHandler(OptOutService optOuts)
{
    public async Task<WebhookHandling> HandleAsync(SdrWebhookEvent webhookEvent, ContactDndPayload payload, string locationId, string contactId, CancellationToken cancellationToken)
    {
        var phone = payload.Phone;
        if (webhookEvent.EventType == WebhookEndpointNames.WorkflowEvent)
        {
            // A GHL workflow's webhook action posting to /opt-out: the team's own opt-out trigger.
            var result = await optOuts.OptOutAsync(
                new OptOutRequest(contactId, locationId, phone, null, SuppressionSources.Webhook, "GHL workflow opt-out", webhookEvent.DedupeKey, SetGhlDnd: true, SendConfirmation: false),
                cancellationToken);
            return WebhookHandling.Done($"opted out (workflow); {result.SequencesEnded} sequence(s) ended");
        }

        // ContactDndUpdate: mirror GHL's DND. "dnd": true blocks every channel; dndSettings per channel.
        var dnd = payload.Dnd;
        var active = new List<string>();
        var inactive = new List<string?>();
        foreach (var channel in payload.Channels)
        {
            var ours = OurChannel(channel.GhlChannel);
            if (ours is null)
            {
                continue;
            }

            if (channel.Active)
            {
                active.Add(ours);
            }
            else
            {
                inactive.Add(ours);
            }
        }

        if (dnd)
        {
            var result = await optOuts.OptOutAsync(
                new OptOutRequest(contactId, locationId, phone, null, SuppressionSources.GhlDnd, "GHL DND (all channels)", webhookEvent.DedupeKey, SetGhlDnd: false, SendConfirmation: false),
                cancellationToken);
            return WebhookHandling.Done($"opted out (GHL DND, all channels); {result.SequencesEnded} sequence(s) ended");
        }

        foreach (var channel in active.Distinct())
        {
            await optOuts.OptOutAsync(
                new OptOutRequest(contactId, locationId, phone, channel, SuppressionSources.GhlDnd, $"GHL DND ({channel})", $"{webhookEvent.DedupeKey}:{channel}", SetGhlDnd: false, SendConfirmation: false),
                cancellationToken);
        }

        // Channels GHL no longer blocks: lift only what mirrored GHL's DND (a STOP reply stays).
        var lifted = await optOuts.LiftGhlDndAsync(contactId, [.. inactive, null], cancellationToken);
        return active.Count > 0
            ? WebhookHandling.Done($"GHL DND on {string.Join(", ", active.Distinct())}; {lifted} DND mirror(s) lifted")
            : WebhookHandling.Done($"no DND in GHL; {lifted} DND mirror(s) lifted");
    }

    /// <summary>GHL's DND channel names to ours; a Call DND also blocks voicemail drops.</summary>
    private static string? OurChannel(string ghlChannel) => ghlChannel.ToUpperInvariant() switch
    {
        "SMS" => Channel.Sms.ToName(),
        "EMAIL" => Channel.Email.ToName(),
        "CALL" => Channel.Voicemail.ToName(),
        _ => null,
    };
}
