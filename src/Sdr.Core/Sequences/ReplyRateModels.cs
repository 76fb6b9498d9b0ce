using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Sequences;

/// <summary>
/// Each location's <see cref="ReplyRateModel"/>, counted from its stored touches and replies and kept for
/// <c>refresh_minutes</c>, so that the cadence's hot path reads a dictionary rather than the database.
/// The cadence refreshes the models of a chunk's locations before it plans the chunk (<see cref="RefreshAsync"/>):
/// a location's first count is waited for, later ones run in the background while the stale model serves;
/// code that schedules outside the cadence reads whatever model is held (none: the window start).
/// </summary>
public sealed partial class ReplyRateModels(IServiceScopeFactory scopes, TimeProvider time, IOptions<SequenceOptions> options, ILogger<ReplyRateModels> logger)
{
    private readonly ConcurrentDictionary<string, ReplyRateModel> _models = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _counting = new(1, 1);
    private readonly SendTimeOptions _options = options.Value.SendTime;

    public ReplyRateModel? Get(string locationId) => _models.GetValueOrDefault(locationId);

    /// <summary>Recounts the models of these locations that are missing or older than <c>refresh_minutes</c>, one count at a time.</summary>
    public async Task RefreshAsync(IEnumerable<string> locationIds, CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        foreach (var locationId in locationIds.Distinct(StringComparer.Ordinal))
        {
            if (IsFresh(locationId))
            {
                continue;
            }

            if (_models.ContainsKey(locationId))
            {
                // A stale model keeps serving while it is recounted in the background: a location with a million
                // touches takes seconds to count (docs/benchmarks.md), and the cadence must not wait for it.
                RecountInBackground(locationId);
                continue;
            }

            await _counting.WaitAsync(cancellationToken);
            try
            {
                // Another chunk may have counted it while this one waited.
                if (!IsFresh(locationId))
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
                    _models[locationId] = await CountAsync(db, locationId, time.GetUtcNow().UtcDateTime, cancellationToken);
                }
            }
            finally
            {
                _counting.Release();
            }
        }
    }

    private void RecountInBackground(string locationId)
    {
        if (!_counting.Wait(0))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                if (!IsFresh(locationId))
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
                    _models[locationId] = await CountAsync(db, locationId, time.GetUtcNow().UtcDateTime, CancellationToken.None);
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The previous model keeps serving; the next refresh tries again (also when the host is stopping).
                LogRecountFailed(logger, exception, locationId);
            }
            finally
            {
                _counting.Release();
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recounting the send-time model of location {LocationId} failed; the previous one stays in use")]
    private static partial void LogRecountFailed(ILogger logger, Exception exception, string locationId);

    /// <summary>Forgets every model (the next refresh recounts them).</summary>
    public void Clear() => _models.Clear();

    /// <summary>Holds a model counted elsewhere (the benchmark, unit tests) until it goes stale.</summary>
    internal void Remember(ReplyRateModel model) => _models[model.LocationId] = model;

    private bool IsFresh(string locationId) =>
        _models.TryGetValue(locationId, out var model)
        && time.GetUtcNow().UtcDateTime < model.CountedAt.AddMinutes(_options.RefreshMinutes);

    /// <summary>The grouped counts <see cref="CountAsync"/> reads (also what the benchmark explains).</summary>
    internal IQueryable<ReplyCountRow> Query(SdrDbContext db, string locationId, DateTime now)
    {
        var from = now.AddDays(-_options.LookbackDays);
        var within = _options.ReplyWithinHours;
        return db.Touches.AsNoTracking()
            .Where(t => t.LocationId == locationId && t.SentAt != null && t.SentAt >= from && t.Status == TouchStatus.Sent)
            .Join(db.Sequences, t => t.SequenceId, s => s.Id, (t, s) => new { Touch = t, s.ProspectId })
            .Join(db.Prospects, x => x.ProspectId, p => p.Id, (x, p) => new
            {
                x.Touch.Channel,
                p.TimeZone,
                p.State,
                p.PhoneZones,
                Day = x.Touch.SentAt!.Value.Date,
                x.Touch.SentAt.Value.Hour,
                Replied = x.Touch.RepliedAt != null
                    && db.Replies.Any(r => r.SequenceId == x.Touch.SequenceId && !r.IsAutoResponder
                        && r.ReceivedAt >= x.Touch.SentAt && r.ReceivedAt <= x.Touch.SentAt.Value.AddHours(within)),
            })
            .GroupBy(x => new { x.Channel, x.TimeZone, x.State, x.PhoneZones, x.Day, x.Hour })
            .Select(g => new ReplyCountRow(
                g.Key.Channel,
                g.Key.TimeZone,
                g.Key.State,
                g.Key.PhoneZones,
                g.Key.Day,
                g.Key.Hour,
                g.Count(),
                g.Sum(x => x.Replied ? 1 : 0)));
    }

    /// <summary>
    /// One grouped query: the location's sent touches of the lookback period by channel, the recipient's zone
    /// facts and the UTC day and hour (the index on location_id, sent_at finds them), each with whether a human
    /// reply of its sequence came within <c>reply_within_hours</c> after it while it was the latest touch
    /// (<c>replied_at</c> is set on the touch a reply followed). The local weekday and hour of each group are
    /// then read in the recipient's zone, daylight saving included.
    /// </summary>
    internal async Task<ReplyRateModel> CountAsync(SdrDbContext db, string locationId, DateTime now, CancellationToken cancellationToken)
    {
        var rows = await Query(db, locationId, now).ToListAsync(cancellationToken);

        var channels = new Dictionary<string, ChannelReplyCounts>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (!channels.TryGetValue(row.Channel, out var counts))
            {
                channels[row.Channel] = counts = new ChannelReplyCounts();
            }

            if (LocalZone.Of(row.TimeZone, row.State, row.PhoneZones) is { } zone)
            {
                var utc = DateTime.SpecifyKind(row.Day.Date.AddHours(row.Hour).AddMinutes(30), DateTimeKind.Utc);
                var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
                counts.Add(local.DayOfWeek, local.Hour, row.Sent, row.Replied);
            }
            else
            {
                counts.AddUnplaced(row.Sent, row.Replied);
            }
        }

        return new ReplyRateModel(locationId, now, channels);
    }
}

/// <summary>Touches sent on one channel to recipients with these zone facts in one UTC hour, and how many were answered.</summary>
internal sealed record ReplyCountRow(string Channel, string? TimeZone, string? State, string? PhoneZones, DateTime Day, int Hour, int Sent, int Replied);
