namespace Sdr.Core.Data.Entities;

/// <summary>
/// <c>sdr_prospecting_cycles</c>: one run of the prospect sources for a location. At most one cycle of a location is
/// queued or running at a time (a unique index over those rows), whichever instance started it; the worker running
/// it holds a lease (<see cref="LeaseOwner"/> until <see cref="LeaseUntil"/>) and a cycle whose lease ran out is
/// resumed by another worker from its candidates.
/// </summary>
public sealed class SdrProspectingCycle
{
    public long Id { get; set; }
    public required string LocationId { get; set; }

    /// <summary>The sources in the order they are read, comma-separated (<c>ghl_pipeline,stale_lead</c>).</summary>
    public required string Sources { get; set; }

    public int MaxPerSource { get; set; }
    public ProspectingCycleStatus Status { get; private set; } = ProspectingCycleStatus.Queued;
    public ProspectingTrigger Trigger { get; set; }

    /// <summary>The <c>sdr:prospecting:schedule</c> entry that started it; null for the API.</summary>
    public string? ScheduleKey { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; private set; }

    /// <summary>Set once every source has been read and its candidates stored: a resumed cycle then only enrols.</summary>
    public DateTime? DiscoveredAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }
    public DateTime UpdatedAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }

    /// <summary>Errors of whole sources or of the cycle (JSON array of "source: message"), never message text or tokens.</summary>
    public string Errors { get; set; } = "[]";

    public IReadOnlyList<string> SourceList => Sources.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public void Discovered(DateTime now)
    {
        DiscoveredAt ??= now;
        UpdatedAt = now;
    }

    public void Complete(DateTime now) => Finish(ProspectingCycleStatus.Completed, now);

    public void Fail(DateTime now) => Finish(ProspectingCycleStatus.Failed, now);

    private void Finish(ProspectingCycleStatus status, DateTime now)
    {
        if (Status is ProspectingCycleStatus.Completed or ProspectingCycleStatus.Failed)
        {
            throw new InvalidOperationException($"Prospecting cycle {Id} is already {Status.ToName()}.");
        }

        Status = status;
        FinishedAt = now;
        UpdatedAt = now;
        LeaseOwner = null;
        LeaseUntil = null;
    }

    /// <summary>Marks the cycle started the first time a worker claims it (the claim itself is one UPDATE in the store).</summary>
    public void Started(DateTime now) => StartedAt ??= now;
}
