using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Compliance.Caps;

/// <summary>
/// <see cref="IRollingWindowCounter"/> in <c>sdr_rate_counters</c>, for installs without Redis. A
/// limit of N is N slot rows (<c>{key}#0</c> .. <c>{key}#N-1</c>); a slot is free once its window has
/// ended, and a take claims a free slot with one conditional upsert, so two instances can never
/// claim the same slot. N is small (3), so the few round trips do not matter.
/// </summary>
public sealed class DatabaseRollingWindowCounter(SdrDbContext db) : IRollingWindowCounter
{
    // The limit may have been lowered since the unit was taken, so release looks further.
    private const int SlotsToSearch = 20;

    private readonly SdrDbContext _db = db;

    public async ValueTask<RollingTake> TryTakeAsync(string key, int limit, TimeSpan window, DateTime now, CancellationToken cancellationToken)
    {
        now = CapClock.AsUtc(now);
        var windowEndsAt = now + window;
        var slots = Slots(key, limit);
        foreach (var slot in slots)
        {
            if (await RateCounterRows.TryClaimSlotAsync(_db, slot, now, windowEndsAt, cancellationToken))
            {
                return RollingTake.Allowed;
            }
        }

        var freesAt = await _db.Set<SdrRateCounter>()
            .Where(c => slots.Contains(c.Key))
            .MinAsync(c => (DateTime?)c.WindowEndsAt, cancellationToken);
        return RollingTake.Refused(freesAt ?? now);
    }

    public async ValueTask ReleaseAsync(string key, TimeSpan window, DateTime takenAt, CancellationToken cancellationToken)
    {
        takenAt = CapClock.AsUtc(takenAt);
        var windowEndsAt = takenAt + window;
        foreach (var slot in Slots(key, SlotsToSearch))
        {
            // Only one slot: two units taken at the same instant are two slots, and one is given back.
            var freed = await _db.Set<SdrRateCounter>()
                .Where(c => c.Key == slot && c.WindowEndsAt == windowEndsAt)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, 0).SetProperty(c => c.WindowEndsAt, takenAt), cancellationToken);
            if (freed == 1)
            {
                return;
            }
        }
    }

    private static List<string> Slots(string key, int limit) =>
        Enumerable.Range(0, Math.Max(0, limit)).Select(i => $"{key}#{i}").ToList();
}
