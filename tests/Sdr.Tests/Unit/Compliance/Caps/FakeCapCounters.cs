using Sdr.Core.Compliance.Caps;

namespace Sdr.Tests.Unit.Compliance.Caps;

/// <summary>In-memory counters for the stage tests: fixed-window counts by key, rolling units by key.</summary>
public sealed class FakeCapCounters : ICapCounter, IRollingWindowCounter
{
    private readonly Dictionary<string, int> _counts = [];
    private readonly Dictionary<string, List<DateTime>> _units = [];

    public int Count(string key) => _counts.GetValueOrDefault(key);

    public int RollingCount(string key) => _units.GetValueOrDefault(key)?.Count ?? 0;

    public IEnumerable<string> Keys => _counts.Keys.Concat(_units.Keys);

    public ValueTask<bool> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        if (Count(key) >= limit)
        {
            return ValueTask.FromResult(false);
        }

        _counts[key] = Count(key) + 1;
        return ValueTask.FromResult(true);
    }

    public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        _counts[key] = Math.Max(0, Count(key) - 1);
        return ValueTask.CompletedTask;
    }

    public ValueTask<RollingTake> TryTakeAsync(string key, int limit, TimeSpan window, DateTime now, CancellationToken cancellationToken)
    {
        var units = _units.TryGetValue(key, out var list) ? list : _units[key] = [];
        units.RemoveAll(u => u <= now - window);
        if (units.Count >= limit)
        {
            return ValueTask.FromResult(RollingTake.Refused(units.Min() + window));
        }

        units.Add(now);
        return ValueTask.FromResult(RollingTake.Allowed);
    }

    public ValueTask ReleaseAsync(string key, TimeSpan window, DateTime takenAt, CancellationToken cancellationToken)
    {
        _units.GetValueOrDefault(key)?.Remove(takenAt);
        return ValueTask.CompletedTask;
    }
}
