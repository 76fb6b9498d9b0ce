using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Hours;
using Sdr.Core.Configuration;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.GoHighLevel;

namespace Sdr.Core.Sequences;

/// <summary>
/// Plans when a new sequence's SMS_1 goes out, so that a large batch does not fire in one burst: a location's
/// first touches fill slots of <c>first_touch_slot_seconds</c> from the start of SMS_1's window, each slot holding
/// what the configured share of the location's GHL budget allows, inside the recipient's allowed hours; a UTC day
/// holds no more first touches than the daily SMS cap leaves after the texts already sent that day, the rest
/// going to the next day's allowed hours. Plans are read back from the database (the not-yet-sent first touches
/// of the location), so instances see each other's; on one instance a location's planning is serialised.
/// </summary>
public sealed class FirstTouchPacer(
    QuietHoursPolicy quietHours,
    CadenceWindows windows,
    IOptions<EnrollmentOptions> enrollment,
    IOptions<GhlOptions> ghl,
    IOptions<RateLimitOptions> rateLimits)
{
    /// <summary>How many slots a plan looks at before it gives up and takes the last candidate (the caps still hold).</summary>
    private const int MaxCandidates = 20_000;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>First touches one slot of a location holds: its share of the GHL requests a slot allows, divided by a touch's cost.</summary>
    public int SlotCapacity
    {
        get
        {
            var settings = enrollment.Value;
            var perSecond = ghl.Value.RequestsPerWindow / ghl.Value.Window.TotalSeconds;
            return Math.Max(1, (int)Math.Floor(perSecond * settings.FirstTouchSlotSeconds * settings.FirstTouchGhlShare / settings.GhlCallsPerFirstTouch));
        }
    }

    /// <summary>First touches one UTC day of a location holds at most: the daily SMS cap and the share of the daily GHL limit.</summary>
    public int DayCapacity
    {
        get
        {
            var settings = enrollment.Value;
            var ghlShare = (int)Math.Floor(ghl.Value.DailyLimit * settings.FirstTouchGhlShare / settings.GhlCallsPerFirstTouch);
            return Math.Max(1, Math.Min(rateLimits.Value.DailySmsCap, ghlShare));
        }
    }

    /// <summary>Holds the location's planning on this instance until disposed: plan, then save the sequence, then release.</summary>
    public async Task<IDisposable> LockAsync(string locationId, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(locationId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    /// <summary>The moment the new <paramref name="sequence"/>'s SMS_1 is planned for; call under <see cref="LockAsync"/>.</summary>
    public async Task<DateTime> PlanAsync(SdrDbContext db, SdrOutreachSequence sequence, RecipientInfo recipient, DateTime now, CancellationToken cancellationToken)
    {
        var slot = enrollment.Value.Slot;
        var slotCapacity = SlotCapacity;
        var dayCapacity = DayCapacity;
        var dayFull = new Dictionary<DateOnly, bool>();
        var windowStart = windows.WindowStart(sequence, SequenceStep.Sms1);
        var candidate = windowStart > now ? windowStart : now;
        for (var i = 0; i < MaxCandidates; i++)
        {
            candidate = quietHours.NextAllowedUtc(candidate, recipient) ?? candidate;
            var day = DateOnly.FromDateTime(candidate);
            if (!dayFull.TryGetValue(day, out var full))
            {
                full = await DayLoadAsync(db, sequence.LocationId, day, cancellationToken) >= dayCapacity;
                dayFull[day] = full;
            }

            if (full)
            {
                candidate = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                continue;
            }

            var slotStart = new DateTime(candidate.Ticks - (candidate.Ticks % slot.Ticks), DateTimeKind.Utc);
            var slotEnd = slotStart + slot;
            var planned = await PlannedInAsync(db, sequence.LocationId, slotStart, slotEnd, cancellationToken);
            if (planned < slotCapacity)
            {
                // Evenly inside the slot: the k-th touch of a slot at k/capacity of it, never before the candidate.
                var even = slotStart + (slot * planned / slotCapacity);
                return even > candidate ? even : candidate;
            }

            candidate = slotEnd;
        }

        return candidate;
    }

    /// <summary>First touches planned and not yet sent in [from, to) for the location.</summary>
    private static Task<int> PlannedInAsync(SdrDbContext db, string locationId, DateTime from, DateTime to, CancellationToken cancellationToken) =>
        db.Sequences.CountAsync(
            s => s.LocationId == locationId && s.IsActive && s.CurrentStep == SequenceStep.Enrolled && s.NextTouchAt >= from && s.NextTouchAt < to,
            cancellationToken);

    /// <summary>The day's texts: SMS touches sent that UTC day, and first touches planned for it.</summary>
    private static async Task<int> DayLoadAsync(SdrDbContext db, string locationId, DateOnly day, CancellationToken cancellationToken)
    {
        var sms = Channel.Sms.ToName();
        var from = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = from.AddDays(1);
        var sent = await db.Touches.CountAsync(
            t => t.LocationId == locationId && t.SentAt >= from && t.SentAt < to && t.Channel == sms,
            cancellationToken);
        return sent + await PlannedInAsync(db, locationId, from, to, cancellationToken);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
