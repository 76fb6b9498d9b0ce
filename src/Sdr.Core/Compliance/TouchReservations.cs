using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Compliance;

/// <summary>
/// The idempotency stage: a touch is written as <c>reserved</c> (and committed) before GHL is called,
/// so that a crash, a retry or a second worker can never send the same step twice.
/// </summary>
public sealed class TouchReservations(SdrDbContext db, CadenceStore store, TouchReservationSettings settings)
{
    private readonly TimeSpan _reservationTimeout = settings.ReservationTimeout;

    /// <summary>
    /// Reserves each request's step in one transaction. Per request: a null verdict and the reserved
    /// touch when it may be sent now, else why not (already sent, in flight, outcome unknown).
    /// </summary>
    public async Task<IReadOnlyList<(DispatchResultKind? Verdict, SdrOutreachTouch? Touch)>> ReserveManyAsync(
        IReadOnlyList<OutboundRequest> requests,
        CancellationToken cancellationToken)
    {
        if (requests.Count == 0)
        {
            return [];
        }

        var sequenceIds = requests.Select(r => r.TouchSequence.Id).Distinct().ToList();
        var steps = requests.Select(r => r.TouchStep).Distinct().ToList();
        var existing = (await db.Touches.Where(t => sequenceIds.Contains(t.SequenceId) && steps.Contains(t.Step)).ToListAsync(cancellationToken))
            .ToDictionary(t => (t.SequenceId, t.Step));
        var results = requests.Select(request => Reserve(request, existing.GetValueOrDefault((request.TouchSequence.Id, request.TouchStep)))).ToList();

        try
        {
            // Only the touches: the caller's own changes (its sequences) are saved with the outcomes.
            await store.SaveReservationsAsync(results.Where(r => r.Touch is not null).Select(r => r.Touch!), cancellationToken);
            return results;
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            // Someone else reserved one of these steps meanwhile (an enrolment racing a batch):
            // undo this attempt and reserve one by one, so only the contested touch is left out.
            await UndoAsync(cancellationToken);
            var oneByOne = new List<(DispatchResultKind?, SdrOutreachTouch?)>(requests.Count);
            foreach (var request in requests)
            {
                oneByOne.Add(await ReserveOneAsync(request, cancellationToken));
            }

            return oneByOne;
        }
    }

    private async Task<(DispatchResultKind? Verdict, SdrOutreachTouch? Touch)> ReserveOneAsync(OutboundRequest request, CancellationToken cancellationToken)
    {
        var (sequenceId, step) = (request.TouchSequence.Id, request.TouchStep);
        var existing = await db.Touches.SingleOrDefaultAsync(t => t.SequenceId == sequenceId && t.Step == step, cancellationToken);
        var result = Reserve(request, existing);
        try
        {
            await store.SaveReservationsAsync(result.Touch is null ? [] : [result.Touch], cancellationToken);
            return result;
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            await UndoAsync(cancellationToken);
            return (DispatchResultKind.InFlight, null);
        }
    }

    /// <summary>Applies the reservation rules to the tracked touch (or a new one); saving is the caller's.</summary>
    private (DispatchResultKind? Verdict, SdrOutreachTouch? Touch) Reserve(OutboundRequest request, SdrOutreachTouch? existing)
    {
        if (existing is not null)
        {
            switch (existing.Status)
            {
                case TouchStatus.Sent:
                    return (DispatchResultKind.AlreadySent, existing);
                case TouchStatus.Unknown:
                    return (DispatchResultKind.OutcomeUnknown, existing);
                case TouchStatus.Reserved when request.Now - existing.ReservedAt < _reservationTimeout:
                    return (DispatchResultKind.InFlight, existing);
                case TouchStatus.Reserved:
                    // Reserved long ago and never confirmed: the process died mid-call. GHL may have the message.
                    existing.Status = TouchStatus.Unknown;
                    existing.Error = "reservation expired without confirmation";
                    return (DispatchResultKind.OutcomeUnknown, existing);
            }

            existing.Status = TouchStatus.Reserved;
            existing.ReservedAt = request.Now;
            existing.TouchDate = request.TouchDate;
            existing.MessageBody = request.Message.Body;
            existing.TemplateId = request.Message.TemplateId;
            existing.TemplateVariant = request.Message.TemplateVariant;
            existing.ComposedByModel = request.Message.ComposedByModel;
            existing.Error = null;
            return (null, existing);
        }

        var touch = new SdrOutreachTouch
        {
            SequenceId = request.TouchSequence.Id,
            ContactId = request.ContactId,
            LocationId = request.LocationId,
            Step = request.TouchStep,
            Channel = request.Channel.ToName(),
            MessageBody = request.Message.Body,
            TemplateId = request.Message.TemplateId,
            TemplateVariant = request.Message.TemplateVariant,
            ComposedByModel = request.Message.ComposedByModel,
            Status = TouchStatus.Reserved,
            ReservedAt = request.Now,
            TouchDate = request.TouchDate,
        };
        db.Touches.Add(touch);
        return (null, touch);
    }

    private async Task UndoAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in db.ChangeTracker.Entries<SdrOutreachTouch>().ToList())
        {
            if (entry.State == EntityState.Added)
            {
                entry.State = EntityState.Detached;
            }
            else if (entry.State == EntityState.Modified)
            {
                await entry.ReloadAsync(cancellationToken);
            }
        }
    }
}
