using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Compliance.Caps;

/// <summary>
/// <see cref="ICapCounter"/> in <c>sdr_rate_counters</c>, for installs without Redis. Each take is
/// one conditional UPDATE (atomic in both databases), or an insert when the key is new.
/// </summary>
public sealed class DatabaseCapCounter(SdrDbContext db, TimeProvider time) : ICapCounter
{
    // A lost insert race means the row now exists, so the next UPDATE decides.
    private const int Attempts = 5;

    private readonly SdrDbContext _db = db;
    private readonly TimeProvider _time = time;

    public async ValueTask<bool> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        if (limit <= 0)
        {
            return false;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        var windowEndsAt = now + window;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            // An ended window starts again at one; a live one counts up while under the limit.
            var updated = await _db.Set<SdrRateCounter>()
                .Where(c => c.Key == key && (c.WindowEndsAt <= now || c.Count < limit))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(c => c.Count, c => c.WindowEndsAt <= now ? 1 : c.Count + 1)
                        .SetProperty(c => c.WindowEndsAt, c => c.WindowEndsAt <= now ? windowEndsAt : c.WindowEndsAt),
                    cancellationToken);
            if (updated == 1)
            {
                return true;
            }

            // The row may have been inserted by a concurrent take after our UPDATE missed it: only a
            // live window at the limit is a refusal; anything else is worth another UPDATE.
            var atLimit = await _db.Set<SdrRateCounter>()
                .Where(c => c.Key == key)
                .Select(c => (bool?)(c.WindowEndsAt > now && c.Count >= limit))
                .FirstOrDefaultAsync(cancellationToken);
            if (atLimit == true)
            {
                return false;
            }

            if (atLimit == false)
            {
                continue;
            }

            if (await RateCounterRows.TryInsertAsync(_db, key, windowEndsAt, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    public async ValueTask ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        await _db.Set<SdrRateCounter>()
            .Where(c => c.Key == key && c.Count > 0 && c.WindowEndsAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, c => c.Count - 1), cancellationToken);
    }
}
