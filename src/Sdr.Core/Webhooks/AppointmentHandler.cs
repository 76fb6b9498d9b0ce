using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Sequences;

namespace Sdr.Core.Webhooks;

/// <summary>AppointmentCreate/AppointmentUpdate (<c>/booking-confirmed</c>): a booked appointment ends the active sequence as booked.</summary>
public sealed class AppointmentHandler(SdrDbContext db, TimeProvider time)
{
    private static readonly string[] CancelledAppointmentStatuses = ["cancelled", "canceled", "invalid", "noshow"];

    public async Task<WebhookHandling> HandleAsync(AppointmentPayload payload, string locationId, string contactId, CancellationToken cancellationToken)
    {
        var status = payload.AppointmentStatus;
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

    private Task<SdrOutreachSequence?> ActiveSequenceAsync(string contactId, string locationId, CancellationToken cancellationToken) =>
        db.Sequences.FirstOrDefaultAsync(s => s.ContactId == contactId && s.LocationId == locationId && s.IsActive, cancellationToken);

    private void End(SdrOutreachSequence sequence, string step, string reason)
    {
        sequence.CurrentStep = step;
        sequence.End(time.GetUtcNow().UtcDateTime, reason);
    }
}
