using Microsoft.Extensions.Logging;
using Sdr.Core.Data.Entities;
using Sdr.Core.Outbox;

namespace Sdr.Core.Sequences;

/// <summary>
/// Enrols a contact that a pipeline-stage webhook named as a source (<see cref="GhlActionKinds.EnrollContact"/>):
/// queued by the webhook, carried out on the outbox's loop, so its GHL reads and SMS_1 never hold up the next
/// event. Enrolment makes its own checks (suppression, DND, an active sequence, caps); a contact it skips is done
/// (the reason is logged), and a GHL error is retried with backoff.
/// </summary>
public sealed partial class StageEnrollmentAction(SequenceEnrollment enrollment, ILogger<StageEnrollmentAction> logger) : IOutboxActionHandler
{
    public string Kind => GhlActionKinds.EnrollContact;

    public async Task<string?> RunAsync(SdrGhlAction action, CancellationToken cancellationToken)
    {
        var result = await enrollment.EnrollAsync(
            new EnrollCommand([action.ContactId], action.LocationId, null, null, action.Payload ?? "ghl_pipeline"), cancellationToken);
        if (result.Errors.Count > 0)
        {
            throw new InvalidOperationException($"enrolment failed: {result.Errors[0].Error}");
        }

        if (result.Skipped.Count > 0)
        {
            LogSkipped(logger, action.ContactId, result.Skipped[0].Reason);
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Source-stage enrolment of contact {ContactId} skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string contactId, string reason);
}
