using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sdr.Core.Configuration;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Outbox;
using Sdr.Core.Sequences;

namespace Sdr.Core.Webhooks;

/// <summary>
/// OpportunityStageUpdate/OpportunityCreate (<c>/stage-change</c>): a stop stage ends the active
/// sequence; a source stage queues the contact's enrolment (when the GHL pipeline is a configured source),
/// carried out on the outbox's loop (<see cref="StageEnrollmentAction"/>) so its GHL calls never hold up the next event.
/// </summary>
public sealed class OpportunityStageHandler(
    SdrDbContext db,
    GhlActionQueue actions,
    TimeProvider time,
    IOptions<ProspectingOptions> prospecting,
    IOptions<GhlSettingsOptions> settings)
{
    public async Task<WebhookHandling> HandleAsync(SdrWebhookEvent webhookEvent, OpportunityStagePayload payload, string locationId, string contactId, CancellationToken cancellationToken)
    {
        var stageId = payload.PipelineStageId;
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

            sequence.End(time.GetUtcNow().UtcDateTime, $"moved to stop stage {stageId}");
            return WebhookHandling.Done("stop stage; cadence stopped");
        }

        var sourceStages = prospecting.Value.GhlPipelineStageIds.Concat(settings.Value.PipelineStageIds);
        if (prospecting.Value.Sources.Contains("ghl_pipeline", StringComparer.OrdinalIgnoreCase) && sourceStages.Contains(stageId, StringComparer.Ordinal))
        {
            // Enrolment runs through its own checks (DND, suppression, caps) and sends SMS_1 through the pipeline,
            // on the outbox's loop: a STOP that arrives after this event is still handled first and is obeyed there.
            var queued = await actions.EnqueueAsync(
                GhlActionKinds.EnrollContact, locationId, contactId, $"{GhlActionKinds.EnrollContact}:{locationId}:{contactId}:{webhookEvent.DedupeKey}", "ghl_pipeline", cancellationToken);
            return queued ? WebhookHandling.Done("source stage; enrolment queued") : WebhookHandling.Ignore("source stage; enrolment already queued");
        }

        return WebhookHandling.Ignore("stage not configured");
    }

    private Task<SdrOutreachSequence?> ActiveSequenceAsync(string contactId, string locationId, CancellationToken cancellationToken) =>
        db.Sequences.FirstOrDefaultAsync(s => s.ContactId == contactId && s.LocationId == locationId && s.IsActive, cancellationToken);
}
