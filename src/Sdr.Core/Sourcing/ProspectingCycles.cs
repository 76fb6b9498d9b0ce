using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Sourcing;

/// <summary>Starts prospecting cycles (the API, the schedule) and reads them; a worker runs them (<see cref="ProspectingCycleRunner"/>).</summary>
public sealed class ProspectingCycles(ProspectingCycleStore store, ProspectingSignal signal, TimeProvider time)
{
    /// <summary>Queues a cycle unless the location already has one queued or running (then its id comes back).</summary>
    public async Task<ProspectingStart> StartAsync(string locationId, IReadOnlyList<string> sources, int maxPerSource, ProspectingTrigger trigger, string? scheduleKey = null, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var cycle = new SdrProspectingCycle
        {
            LocationId = locationId,
            Sources = string.Join(',', sources),
            MaxPerSource = maxPerSource,
            Trigger = trigger,
            ScheduleKey = scheduleKey,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var (started, running) = await store.TryStartAsync(cycle, cancellationToken);
        if (started is null)
        {
            return new ProspectingStart(null, running);
        }

        signal.Queued();
        return new ProspectingStart(ProspectingCycleView.From(started, []), null);
    }

    public async Task<ProspectingCycleView?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        var cycle = await store.FindAsync(id, cancellationToken);
        return cycle is null ? null : ProspectingCycleView.From(cycle, await store.TallyAsync(id, cancellationToken));
    }

    /// <summary>The newest cycles of a location (or of all), newest first.</summary>
    public async Task<IReadOnlyList<ProspectingCycleView>> ListAsync(string? locationId, int take, CancellationToken cancellationToken = default)
    {
        var views = new List<ProspectingCycleView>();
        foreach (var cycle in await store.ListAsync(locationId, take, cancellationToken))
        {
            views.Add(ProspectingCycleView.From(cycle, await store.TallyAsync(cycle.Id, cancellationToken)));
        }

        return views;
    }
}
