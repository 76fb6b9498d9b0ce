using Sdr.Core.Compliance.Caps;

namespace Sdr.Benchmarks;

/// <summary>
/// The cap counters as the rows a chunk would have loaded: fixed-window counts and rolling-window
/// units in dictionaries (the product keeps them in Redis or the database, see the cadence benchmark).
/// <see cref="Reset"/> puts back the loaded state; in steady state it allocates nothing, so the
/// allocations measured are the stage's own.
/// </summary>
internal sealed class InMemoryCapCounters : ICapCounter, IRollingWindowCounter
{
    private readonly Dictionary<string, Count> _fixed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DateTime>> _rolling = new(StringComparer.Ordinal);
    private readonly List<(string Key, int Count)> _loadedCounts = [];
    private readonly List<(string Key, DateTime TakenAt)> _loadedUnits = [];

    public void Load(string key, int count) => _loadedCounts.Add((key, count));

    public void LoadUnit(string key, DateTime takenAt) => _loadedUnits.Add((key, takenAt));

    public void Reset()
    {
        foreach (var count in _fixed.Values)
        {
            count.Value = 0;
        }

        foreach (var units in _rolling.Values)
        {
            units.Clear();
        }

        foreach (var (key, count) in _loadedCounts)
        {
            FixedCount(key).Value = count;
        }

        foreach (var (key, takenAt) in _loadedUnits)
        {
            Units(key).Add(takenAt);
        }
    }

    public ValueTask<bool> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        var count = FixedCount(key);
        if (count.Value >= limit)
        {
            return ValueTask.FromResult(false);
        }

        count.Value++;
        return ValueTask.FromResult(true);
    }

    public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        var count = FixedCount(key);
        count.Value = Math.Max(0, count.Value - 1);
        return ValueTask.CompletedTask;
    }

    public ValueTask<RollingTake> TryTakeAsync(string key, int limit, TimeSpan window, DateTime now, CancellationToken cancellationToken)
    {
        var units = Units(key);
        var oldest = DateTime.MaxValue;
        var inWindow = 0;
        foreach (var unit in units)
        {
            if (unit > now - window)
            {
                inWindow++;
                oldest = unit < oldest ? unit : oldest;
            }
        }

        if (inWindow >= limit)
        {
            return ValueTask.FromResult(RollingTake.Refused(oldest + window));
        }

        units.Add(now);
        return ValueTask.FromResult(RollingTake.Allowed);
    }

    public ValueTask ReleaseAsync(string key, TimeSpan window, DateTime takenAt, CancellationToken cancellationToken)
    {
        Units(key).Remove(takenAt);
        return ValueTask.CompletedTask;
    }

    private Count FixedCount(string key)
    {
        if (!_fixed.TryGetValue(key, out var count))
        {
            count = new Count();
            _fixed[key] = count;
        }

        return count;
    }

    private List<DateTime> Units(string key)
    {
        if (!_rolling.TryGetValue(key, out var units))
        {
            units = new List<DateTime>(4);
            _rolling[key] = units;
        }

        return units;
    }

    private sealed class Count
    {
        public int Value { get; set; }
    }
}
