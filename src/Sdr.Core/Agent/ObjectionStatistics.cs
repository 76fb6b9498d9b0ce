using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Agent;

/// <param name="Rate">The share of the window's human replies that raised this objection (0–1).</param>
/// <param name="Outcomes">What the prospects did next, by outcome (<see cref="ObjectionOutcomes"/>; <c>pending</c> while unsettled).</param>
public sealed record ObjectionStat(string ObjectionType, int Count, double Rate, IReadOnlyDictionary<string, int> Outcomes);

public sealed record ObjectionStatsView(string LocationId, int Days, int Replies, IReadOnlyList<ObjectionStat> Objections);

/// <summary>The seed's objection analytics over <c>sdr_objection_logs</c>: per type, how often and what followed.</summary>
public sealed class ObjectionStatistics(SdrDbContext db, TimeProvider time)
{
    public const string Pending = "pending";

    public async Task<ObjectionStatsView> ForAsync(string locationId, int days, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().UtcDateTime.AddDays(-days);
        var rows = await db.ObjectionLogs.AsNoTracking()
            .Where(o => o.LocationId == locationId && o.CreatedAt >= since)
            .GroupBy(o => new { o.ObjectionType, o.Outcome })
            .Select(g => new { g.Key.ObjectionType, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var replies = await db.Replies.AsNoTracking()
            .CountAsync(r => r.LocationId == locationId && r.ReceivedAt >= since && !r.IsAutoResponder, cancellationToken);

        var objections = rows
            .GroupBy(r => r.ObjectionType)
            .Select(g =>
            {
                var count = g.Sum(r => r.Count);
                var outcomes = ObjectionOutcomes.All.Append(Pending).ToDictionary(o => o, _ => 0, StringComparer.Ordinal);
                foreach (var row in g)
                {
                    outcomes[row.Outcome ?? Pending] = outcomes.GetValueOrDefault(row.Outcome ?? Pending) + row.Count;
                }

                return new ObjectionStat(g.Key, count, replies == 0 ? 0 : Math.Round((double)count / replies, 4), outcomes);
            })
            .OrderByDescending(s => s.Count).ThenBy(s => s.ObjectionType, StringComparer.Ordinal)
            .ToList();
        return new ObjectionStatsView(locationId, days, replies, objections);
    }
}
