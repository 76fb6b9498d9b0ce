using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Sourcing;

/// <summary>A cycle's room: <c>max_per_source</c> per source and <c>max_prospects_per_cycle</c> in all, counted from its enrolled candidates.</summary>
internal sealed class CycleLimits(IReadOnlyList<string> sources, int maxPerSource, int maxPerCycle, Dictionary<string, int> enrolled)
{
    public static async Task<CycleLimits> LoadAsync(ProspectingCycleStore store, SdrProspectingCycle cycle, int maxPerCycle, CancellationToken cancellationToken)
    {
        var tally = await store.TallyAsync(cycle.Id, cancellationToken);
        var enrolled = tally.Where(t => t.Status == ProspectingCandidateStatus.Enrolled)
            .GroupBy(t => t.Source, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(t => t.Count), StringComparer.Ordinal);
        return new CycleLimits(cycle.SourceList, cycle.MaxPerSource, maxPerCycle, enrolled);
    }

    private int Total => enrolled.Values.Sum();

    public void Enrolled(string source) => enrolled[source] = enrolled.GetValueOrDefault(source) + 1;

    /// <summary>Whether one more may be planned for <paramref name="source"/> beside those already planned in this chunk.</summary>
    public bool HasRoom(string source, int plannedForSource, int plannedInAll) =>
        enrolled.GetValueOrDefault(source) + plannedForSource < maxPerSource && Total + plannedInAll < maxPerCycle;

    /// <summary>The sources with no room left (every source once the cycle's total is reached).</summary>
    public IReadOnlyList<string> ExhaustedSources() => Total >= maxPerCycle
        ? sources
        : [.. sources.Where(s => enrolled.GetValueOrDefault(s) >= maxPerSource)];
}
