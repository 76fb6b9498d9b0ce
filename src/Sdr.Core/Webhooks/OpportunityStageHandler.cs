using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sdr.Core.Configuration;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Sequences;

namespace Sdr.Core.Webhooks;

/// <summary>
/// OpportunityStageUpdate/OpportunityCreate (<c>/stage-change</c>): a stop stage ends the active
/// sequence; a source stage enrols the contact (when the GHL pipeline is a configured source).
/// </summary>
public sealed class OpportunityStageHandler(
    SdrDbContext db,
    SequenceEnrollment enrollment,
    TimeProvider time,
    IOptions<ProspectingOptions> prospecting,
    IOptions<GhlSettingsOptions> settings)
{
    public async Task<WebhookHandling> HandleAsync(OpportunityStagePayload payload, string locationId, string contactId, CancellationToken cancellationToken)
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
}
