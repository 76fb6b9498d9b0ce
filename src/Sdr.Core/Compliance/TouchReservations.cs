using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Sequences;

namespace Sdr.Core.Compliance;

/// <summary>
/// The idempotency stage: a touch is written as <c>reserved</c> (and committed) before GHL is called,
/// so that a crash, a retry or a second worker can never send the same step twice.
/// </summary>
public sealed class TouchReservations(SdrDbContext db, IOptions<SequenceOptions> options)
{
    private readonly TimeSpan _reservationTimeout = TimeSpan.FromMinutes(options.Value.ReservationTimeoutMinutes);

    public async Task<(DispatchResultKind? Verdict, SdrOutreachTouch? Touch)> ReserveAsync(OutboundRequest request, CancellationToken cancellationToken)
    {
        var stepName = request.Step.ToName();
        var existing = await db.Touches
            .SingleOrDefaultAsync(t => t.SequenceId == request.Sequence.Id && t.Step == stepName, cancellationToken);

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
                    await db.SaveChangesAsync(cancellationToken);
                    return (DispatchResultKind.OutcomeUnknown, existing);
            }

            existing.Status = TouchStatus.Reserved;
            existing.ReservedAt = request.Now;
            existing.TouchDate = DateOnly.FromDateTime(request.Now);
            existing.MessageBody = request.Message.Body;
            existing.Error = null;
            return await CommitAsync(existing, cancellationToken);
        }

        var touch = new SdrOutreachTouch
        {
            SequenceId = request.Sequence.Id,
            ContactId = request.Sequence.ContactId,
            LocationId = request.Sequence.LocationId,
            Step = stepName,
            Channel = request.Channel.ToName(),
            MessageBody = request.Message.Body,
            Status = TouchStatus.Reserved,
            ReservedAt = request.Now,
            TouchDate = DateOnly.FromDateTime(request.Now),
        };
        db.Touches.Add(touch);
        return await CommitAsync(touch, cancellationToken);
    }

    private async Task<(DispatchResultKind? Verdict, SdrOutreachTouch? Touch)> CommitAsync(SdrOutreachTouch touch, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (null, touch);
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            db.Entry(touch).State = EntityState.Detached;
            return (DispatchResultKind.InFlight, null);
        }
    }
}
