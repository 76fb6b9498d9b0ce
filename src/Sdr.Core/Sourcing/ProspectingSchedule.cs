using Microsoft.Extensions.Options;
using Sdr.Core.Configuration;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.GoHighLevel;

namespace Sdr.Core.Sourcing;

/// <summary>
/// <c>sdr:prospecting:schedule</c>: queues a cycle for each entry and location whose last scheduled cycle is
/// <c>every_hours</c> old (or that never ran). Any instance may look; the one-active-cycle-per-location index lets
/// only one of them queue it, and a location busy with another cycle is simply tried again later.
/// </summary>
public sealed class ProspectingSchedule(ProspectingCycles cycles, ProspectingCycleStore store, IOptions<ProspectingOptions> options, IOptions<GhlOptions> ghl, TimeProvider time)
{
    /// <summary>Queues the due cycles; returns how many were queued.</summary>
    public async Task<int> StartDueAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var queued = 0;
        for (var index = 0; index < settings.Schedule.Count; index++)
        {
            var entry = settings.Schedule[index];
            var key = KeyOf(entry, index);
            var locations = string.IsNullOrWhiteSpace(entry.LocationId)
                ? ghl.Value.Locations.Select(l => l.LocationId).ToList()
                : [entry.LocationId.Trim()];
            foreach (var location in locations)
            {
                var last = await store.LastScheduledAtAsync(location, key, cancellationToken);
                var now = time.GetUtcNow().UtcDateTime;
                if (last is { } at && now - at < TimeSpan.FromHours(entry.EveryHours))
                {
                    continue;
                }

                var sources = entry.Sources.Count > 0 ? entry.Sources : settings.Sources;
                var started = await cycles.StartAsync(location, sources, entry.MaxPerSource ?? settings.MaxPerSource, ProspectingTrigger.Schedule, key, cancellationToken);
                queued += started.Started is null ? 0 : 1;
            }
        }

        return queued;
    }

    public static string KeyOf(ProspectingScheduleOptions entry, int index) =>
        string.IsNullOrWhiteSpace(entry.Name) ? $"schedule_{index + 1}" : entry.Name.Trim();
}
