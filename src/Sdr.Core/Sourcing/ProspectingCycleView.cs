using System.Text.Json;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Sourcing;

/// <summary>Counts of a cycle or of one of its sources, read from its stored candidates.</summary>
public sealed record ProspectingCounts(int Found, int Enrolled, int Skipped, IReadOnlyDictionary<string, int> SkippedByReason, int Errors, int Pending)
{
    public static ProspectingCounts From(IEnumerable<CandidateTally> tallies, int sourceErrors)
    {
        var list = tallies.ToList();
        var skipped = list.Where(t => t.Status == ProspectingCandidateStatus.Skipped)
            .GroupBy(t => t.Reason ?? "unknown", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(t => t.Count), StringComparer.Ordinal);
        return new ProspectingCounts(
            list.Sum(t => t.Count),
            list.Where(t => t.Status == ProspectingCandidateStatus.Enrolled).Sum(t => t.Count),
            skipped.Values.Sum(),
            skipped,
            list.Where(t => t.Status == ProspectingCandidateStatus.Error).Sum(t => t.Count) + sourceErrors,
            list.Where(t => t.Status == ProspectingCandidateStatus.Pending).Sum(t => t.Count));
    }
}

/// <summary>A prospecting cycle as GET /sdr/prospects/source/{id} shows it.</summary>
public sealed record ProspectingCycleView(
    long CycleId,
    string LocationId,
    string Status,
    string Trigger,
    string? ScheduleKey,
    IReadOnlyList<string> Sources,
    int MaxPerSource,
    ProspectingCounts Counts,
    IReadOnlyDictionary<string, ProspectingCounts> BySource,
    IReadOnlyList<string> Errors,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    DateTime UpdatedAt)
{
    public static ProspectingCycleView From(SdrProspectingCycle cycle, IReadOnlyList<CandidateTally> tallies)
    {
        var errors = JsonSerializer.Deserialize<List<string>>(cycle.Errors) ?? [];
        int SourceErrors(string source) => errors.Count(e => e.StartsWith(source + ":", StringComparison.Ordinal));
        var bySource = cycle.SourceList.ToDictionary(
            s => s,
            s => ProspectingCounts.From(tallies.Where(t => t.Source == s), SourceErrors(s)),
            StringComparer.Ordinal);
        return new ProspectingCycleView(
            cycle.Id,
            cycle.LocationId,
            cycle.Status.ToName(),
            cycle.Trigger.ToName(),
            cycle.ScheduleKey,
            cycle.SourceList,
            cycle.MaxPerSource,
            ProspectingCounts.From(tallies, errors.Count),
            bySource,
            errors,
            cycle.CreatedAt,
            cycle.StartedAt,
            cycle.FinishedAt,
            cycle.UpdatedAt);
    }
}

/// <summary>A cycle started, or the id of the location's cycle that is already queued or running.</summary>
public sealed record ProspectingStart(ProspectingCycleView? Started, long? RunningCycleId);
