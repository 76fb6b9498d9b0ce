using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Compliance.Caps;

/// <summary>
/// <see cref="ICapCounter"/> in <c>sdr_rate_counters</c>, for installs without Redis. Each take is
/// one conditional upsert (atomic in both databases), which also creates the key when it is new; a
/// group's takes are one multi-row upsert (<see cref="IBatchCapCounter"/>).
/// </summary>
public sealed class DatabaseCapCounter(SdrDbContext db, TimeProvider time) : IBatchCapCounter
{
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
        return await RateCounterRows.TryTakeAsync(_db, key, limit, now, now + window, cancellationToken);
    }

    public async ValueTask<bool[]> TryTakeEachAsync(IReadOnlyList<string> keys, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        if (limit <= 0 || keys.Count == 0)
        {
            return new bool[keys.Count];
        }

        var now = _time.GetUtcNow().UtcDateTime;
        return await RateCounterRows.TryTakeEachAsync(_db, keys, limit, now, now + window, cancellationToken);
    }

    public async ValueTask<bool> TryTakeAllAsync(string key, int units, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        if (units > limit)
        {
            return false;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        return await RateCounterRows.TryTakeAllAsync(_db, key, units, limit, now, now + window, cancellationToken);
    }

    public async ValueTask ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        await _db.Set<SdrRateCounter>()
            .Where(c => c.Key == key && c.Count > 0 && c.WindowEndsAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, c => c.Count - 1), cancellationToken);
    }
}
