using Microsoft.EntityFrameworkCore;
using Sdr.Core.Agent;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Sequences;

namespace Sdr.Core.Webhooks;

/// <summary>AppointmentCreate/AppointmentUpdate (<c>/booking-confirmed</c>): a booked appointment ends the active sequence (or one that ended as QUALIFIED) as booked.</summary>
public sealed class AppointmentHandler(SdrDbContext db, ConversationEvents events, TimeProvider time)
{
    private static readonly string[] CancelledAppointmentStatuses = ["cancelled", "canceled", "invalid", "noshow"];

    public async Task<WebhookHandling> HandleAsync(AppointmentPayload payload, string locationId, string contactId, CancellationToken cancellationToken)
    {
        var status = payload.AppointmentStatus;
        if (status is not null && CancelledAppointmentStatuses.Contains(status, StringComparer.OrdinalIgnoreCase))
        {
            return WebhookHandling.Ignore($"appointment {status}");
        }

        // The active sequence, else the latest one if it ended as QUALIFIED (a booking may follow a qualification).
        var sequence = await db.Sequences.LatestFor(contactId, locationId).FirstOrDefaultAsync(cancellationToken);
        if (sequence is null || !sequence.CanBook)
        {
            return WebhookHandling.Ignore("no active sequence");
        }

        var now = time.GetUtcNow().UtcDateTime;
        sequence.Book(now);
        events.Add(sequence, SequenceEventKinds.Booked, "appointment booked in GHL (AppointmentCreate)", now);
        await events.SettleObjectionsAsync(contactId, locationId, ObjectionOutcomes.Booked, now, cancellationToken);
        return WebhookHandling.Done("sequence booked; cadence stopped");
    }
}
