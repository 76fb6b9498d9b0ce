using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Server.Dashboard;

/// <summary>One UTC day of activity: cadence touches confirmed sent and replies from people.</summary>
public sealed record ActivityDay(DateOnly Day, int Touches, int Replies);

/// <summary>
/// Touches and replies per UTC day over the window, for the overview's chart. Only the timestamps are read and
/// bucketed here, so the same code serves SQLite and PostgreSQL.
/// </summary>
public sealed class ActivitySeries(SdrDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<ActivityDay>> ForAsync(string? locationId, int days, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var first = DateOnly.FromDateTime(now).AddDays(1 - days);
        var since = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        var touches = db.Touches.AsNoTracking().Where(t => t.Status == TouchStatus.Sent && t.SentAt >= since);
        var replies = db.Replies.AsNoTracking().Where(r => !r.IsAutoResponder && r.ReceivedAt >= since);
        if (locationId is not null)
        {
            touches = touches.Where(t => t.LocationId == locationId);
            replies = replies.Where(r => r.LocationId == locationId);
        }

        var touchDays = (await touches.Select(t => t.SentAt!.Value).ToListAsync(cancellationToken))
            .CountBy(DateOnly.FromDateTime).ToDictionary();
        var replyDays = (await replies.Select(r => r.ReceivedAt).ToListAsync(cancellationToken))
            .CountBy(DateOnly.FromDateTime).ToDictionary();
        return [.. Enumerable.Range(0, days)
            .Select(first.AddDays)
            .Select(day => new ActivityDay(day, touchDays.GetValueOrDefault(day), replyDays.GetValueOrDefault(day)))];
    }
}
