using System.Diagnostics;

namespace Sdr.Server.Simulation;

/// <summary>Where a run's wall time went, by phase of the driving loop (reported, never compared between runs).</summary>
internal sealed class SimulationPhases
{
    private readonly Dictionary<string, TimeSpan> _spent = new(StringComparer.Ordinal);

    public void Add(string phase, TimeSpan elapsed) => _spent[phase] = _spent.GetValueOrDefault(phase) + elapsed;

    /// <summary>Adds the stopwatch's time to <paramref name="phase"/> and restarts it for the next one.</summary>
    public void Lap(string phase, Stopwatch stopwatch)
    {
        Add(phase, stopwatch.Elapsed);
        stopwatch.Restart();
    }

    public IReadOnlyDictionary<string, double> Seconds() =>
        _spent.OrderByDescending(p => p.Value).ToDictionary(p => p.Key, p => Math.Round(p.Value.TotalSeconds, 2), StringComparer.Ordinal);
}
