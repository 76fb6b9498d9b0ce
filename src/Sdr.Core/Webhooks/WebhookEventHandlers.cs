using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sdr.Core.Compliance.Consent;
using Sdr.Core.Configuration;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.GoHighLevel;
using Sdr.Core.Outbox;
using Sdr.Core.Replies;
using Sdr.Core.Sequences;

namespace Sdr.Core.Webhooks;

/// <summary>What processing an event did: <see cref="WebhookEventStatus.Processed"/> or <see cref="WebhookEventStatus.Ignored"/>, and why.</summary>
public sealed record WebhookHandling(string Status, string Outcome)
{
    public static WebhookHandling Done(string outcome) => new(WebhookEventStatus.Processed, outcome);

    public static WebhookHandling Ignore(string reason) => new(WebhookEventStatus.Ignored, reason);
}

/// <summary>
/// Acts on one stored webhook event. Local effects are made on the scoped context and saved by
/// the processor together with the event's status, in one transaction.
/// </summary>
public sealed class WebhookEventHandlers(
    SdrDbContext db,
    OptOutService optOuts,
    GhlActionQueue actions,
    ComplianceKeywordClassifier classifier,
    SequenceEnrollment enrollment,
    TimeProvider time,
    IOptions<GhlOptions> ghl,
    IOptions<ProspectingOptions> prospecting,
    IOptions<GhlSettingsOptions> settings,
    IOptions<ReplyComplianceOptions> replies)
{
    private static readonly string[] CancelledAppointmentStatuses = ["cancelled", "canceled", "invalid", "noshow"];

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
            WebhookEndpoints.Reply => await ReplyAsync(webhookEvent, root, locationId, contactId, snapshot, cancellationToken),
            WebhookEndpoints.OptOut => await OptOutAsync(webhookEvent, root, locationId, contactId, cancellationToken),
            WebhookEndpoints.BookingConfirmed => await BookingAsync(root, locationId, contactId, cancellationToken),
            WebhookEndpoints.StageChange => await StageChangeAsync(root, locationId, contactId, cancellationToken),
            _ => WebhookHandling.Ignore("unknown endpoint"),
        };
    }

    private async Task<WebhookHandling> ReplyAsync(SdrWebhookEvent webhookEvent, JsonElement root, string locationId, string contactId, SequenceSnapshot? snapshot, CancellationToken cancellationToken)
    {
        var direction = WebhookEnvelope.String(root, "direction");
        if (direction is not null && !direction.Equals("inbound", StringComparison.OrdinalIgnoreCase))
        {
            return WebhookHandling.Ignore("not an inbound message");
        }

        var body = WebhookEnvelope.String(root, "body") ?? WebhookEnvelope.Nested(root, "message", "body");
        var messageType = WebhookEnvelope.String(root, "messageType") ?? "SMS";
        var isText = messageType.Equals("SMS", StringComparison.OrdinalIgnoreCase);
        var verdict = classifier.Classify(body);
        var sequence = snapshot?.HasNoSequence(contactId, locationId) == true
            ? null
            : await db.Sequences.LatestFor(contactId, locationId).FirstOrDefaultAsync(cancellationToken);

        string outcome;
        switch (verdict.Intent)
        {
            case ComplianceIntent.OptOut:
                var result = await optOuts.OptOutAsync(
                    new OptOutRequest(contactId, locationId, null, null, SuppressionSources.Reply, verdict.Rule, webhookEvent.DedupeKey, SetGhlDnd: true, SendConfirmation: isText),
                    cancellationToken);
                outcome = $"opted out ({verdict.Rule}); {result.SequencesEnded} sequence(s) ended{(result.ConfirmationQueued ? "; confirmation queued" : string.Empty)}";
                break;
            case ComplianceIntent.Help:
                var today = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                var queued = isText && await actions.EnqueueAsync(
                    GhlActionKinds.HelpReply, locationId, contactId, $"{GhlActionKinds.HelpReply}:{locationId}:{contactId}:{today}", optOuts.Fill(replies.Value.HelpText), cancellationToken);
                outcome = queued ? "help reply queued" : "help reply already sent today";
                break;
            case ComplianceIntent.OptIn:
                var lifted = await optOuts.RenewConsentAsync(contactId, locationId, webhookEvent.DedupeKey, cancellationToken);
                outcome = $"consent renewed ({lifted} suppression(s) lifted); not re-enrolled";
                break;
            default:
                if (sequence is null)
                {
                    return WebhookHandling.Ignore("contact not enrolled");
                }

                outcome = "reply recorded";
                break;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (sequence is not null)
        {
            sequence.ReplyCount++;
            sequence.UpdatedAt = now;
            var lastTouch = await db.Touches
                .Where(t => t.SequenceId == sequence.Id && t.Status == TouchStatus.Sent)
                .OrderByDescending(t => t.SentAt).ThenByDescending(t => t.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (lastTouch is not null && lastTouch.RepliedAt is null)
            {
                lastTouch.RepliedAt = now;
                lastTouch.ReplyBody = body;
            }
        }

        db.Replies.Add(new SdrReply
        {
            SequenceId = sequence?.Id,
            ContactId = contactId,
            LocationId = locationId,
            MessageId = WebhookEnvelope.String(root, "messageId"),
            Body = body,
            ReceivedAt = now,
            Category = verdict.Intent switch
            {
                ComplianceIntent.OptOut => "opt_out",
                ComplianceIntent.Help => "help",
                ComplianceIntent.OptIn => "re_consent",
                _ => "unclassified",
            },
            Confidence = verdict.Confidence,
            DecidedBy = "keywords",
            Rule = verdict.Rule,
        });
        return WebhookHandling.Done(outcome);
    }

    private async Task<WebhookHandling> OptOutAsync(SdrWebhookEvent webhookEvent, JsonElement root, string locationId, string contactId, CancellationToken cancellationToken)
    {
        var phone = WebhookEnvelope.String(root, "phone");
        if (webhookEvent.EventType == WebhookEndpoints.WorkflowEvent)
        {
            // A GHL workflow's webhook action posting to /opt-out: the team's own opt-out trigger.
            var result = await optOuts.OptOutAsync(
                new OptOutRequest(contactId, locationId, phone, null, SuppressionSources.Webhook, "GHL workflow opt-out", webhookEvent.DedupeKey, SetGhlDnd: true, SendConfirmation: false),
                cancellationToken);
            return WebhookHandling.Done($"opted out (workflow); {result.SequencesEnded} sequence(s) ended");
        }

        // ContactDndUpdate: mirror GHL's DND. "dnd": true blocks every channel; dndSettings per channel.
        var dnd = root.TryGetProperty("dnd", out var dndValue) && dndValue.ValueKind == JsonValueKind.True;
        var active = new List<string>();
        var inactive = new List<string?>();
        if (root.TryGetProperty("dndSettings", out var dndSettings) && dndSettings.ValueKind == JsonValueKind.Object)
        {
            foreach (var channel in dndSettings.EnumerateObject())
            {
                var ours = OurChannel(channel.Name);
                if (ours is null)
                {
                    continue;
                }

                if (string.Equals(WebhookEnvelope.String(channel.Value, "status"), "active", StringComparison.OrdinalIgnoreCase))
                {
                    active.Add(ours);
                }
                else
                {
                    inactive.Add(ours);
                }
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

    private async Task<WebhookHandling> BookingAsync(JsonElement root, string locationId, string contactId, CancellationToken cancellationToken)
    {
        var status = WebhookEnvelope.Nested(root, "appointment", "appointmentStatus") ?? WebhookEnvelope.String(root, "appointmentStatus");
        if (status is not null && CancelledAppointmentStatuses.Contains(status, StringComparer.OrdinalIgnoreCase))
        {
            return WebhookHandling.Ignore($"appointment {status}");
        }

        var sequence = await ActiveSequenceAsync(contactId, locationId, cancellationToken);
        if (sequence is null)
        {
            return WebhookHandling.Ignore("no active sequence");
        }

        End(sequence, SequenceStep.Booked.ToName(), "appointment booked");
        return WebhookHandling.Done("sequence booked; cadence stopped");
    }

    private async Task<WebhookHandling> StageChangeAsync(JsonElement root, string locationId, string contactId, CancellationToken cancellationToken)
    {
        var stageId = WebhookEnvelope.String(root, "pipelineStageId") ?? WebhookEnvelope.String(root, "pipeline_stage_id");
        if (stageId is null)
        {
            return WebhookHandling.Ignore("no pipelineStageId");
        }

        if (prospecting.Value.StopStageIds.Contains(stageId, StringComparer.Ordinal))
        {
            var sequence = await ActiveSequenceAsync(contactId, locationId, cancellationToken);
            if (sequence is null)
            {
                return WebhookHandling.Ignore("stop stage; no active sequence");
            }

            End(sequence, sequence.CurrentStep, $"moved to stop stage {stageId}");
            return WebhookHandling.Done("stop stage; cadence stopped");
        }

        var sourceStages = prospecting.Value.GhlPipelineStageIds.Concat(settings.Value.PipelineStageIds);
        if (prospecting.Value.Sources.Contains("ghl_pipeline", StringComparer.OrdinalIgnoreCase) && sourceStages.Contains(stageId, StringComparer.Ordinal))
        {
            // Enrolment runs through its own checks (DND, suppression, caps) and sends SMS_1 through the pipeline.
            var result = await enrollment.EnrollAsync(new EnrollCommand([contactId], locationId, null, null, "ghl_pipeline"), cancellationToken);
            return result.Enrolled.Count > 0
                ? WebhookHandling.Done("source stage; enrolled")
                : WebhookHandling.Ignore($"source stage; not enrolled ({result.Skipped.FirstOrDefault()?.Reason ?? result.Errors.FirstOrDefault()?.Error ?? "unknown"})");
        }

        return WebhookHandling.Ignore("stage not configured");
    }

    private Task<SdrOutreachSequence?> ActiveSequenceAsync(string contactId, string locationId, CancellationToken cancellationToken) =>
        db.Sequences.FirstOrDefaultAsync(s => s.ContactId == contactId && s.LocationId == locationId && s.IsActive, cancellationToken);

    private void End(SdrOutreachSequence sequence, string step, string reason)
    {
        sequence.CurrentStep = step;
        sequence.End(time.GetUtcNow().UtcDateTime, reason);
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
