using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Compliance.Caps;

/// <summary>
/// <c>max_touches_per_contact_per_day</c> counted from <c>sdr_outreach_touches</c> itself, on SQLite without
/// Redis: a contact's touches of the UTC day that went out or may have (reserved, sent, unknown; not
/// failed) are its units. The caps stage reads them in the transaction that then reserves the touches it lets
/// through, under <see cref="SqliteWriteGate"/>, so no other writer can add one in between, and the read
/// lands on the idempotency index pages (contact, step, day) that the reservation writes next anyway.
/// A counter row per contact and day in <c>sdr_rate_counters</c> cost a write to a random page of its own
/// per touch (cadence benchmark: about an eighth of the throughput). Nothing is given back: a touch that
/// does not go out leaves no row, or a failed one. A touch's own step (the same sequence and step) is left to the
/// idempotency stage, which never lets a step out twice: already sent, still in flight or in doubt.
/// On PostgreSQL (no write gate) and with Redis (several instances) the counter stays.
/// </summary>
public sealed class TouchLedgerDailyCap(CadenceStore store) : IContactDailyCap
{
    /// <summary>Whether this scope's database counts the cap from the ledger (SQLite).</summary>
    public bool Applies => store.CountsDailyCapFromTouches;

    /// <summary>The touches already in the ledger for the cadence touches among <paramref name="requests"/>, by contact and day.</summary>
    public async ValueTask<ContactDayCounts> CountAsync(IReadOnlyList<OutboundRequest> requests, CancellationToken cancellationToken)
    {
        var counts = new ContactDayCounts();
        foreach (var group in requests.Where(r => r.Purpose.CountsTowardContactDailyCap()).GroupBy(r => (r.LocationId, Day: r.TouchDate)))
        {
            var touches = await store.TouchesOfDayAsync(group.Key.LocationId, group.Key.Day, group.Select(r => r.ContactId), cancellationToken);
            foreach (var (contactId, sequenceId, step) in touches)
            {
                counts.AddStored(group.Key.LocationId, contactId, group.Key.Day, sequenceId, step);
            }
        }

        return counts;
    }

    async ValueTask<IContactDailyTally> IContactDailyCap.BeginAsync(IReadOnlyList<OutboundRequest> requests, CancellationToken cancellationToken) =>
        await CountAsync(requests, cancellationToken);

    /// <summary>Nothing to give back: a touch that does not go out leaves no row, or a failed one.</summary>
    public ValueTask ReleaseAsync(OutboundRequest request, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

/// <summary>Touches per contact and UTC day: those in the ledger, plus those a group lets through as it goes.</summary>
public sealed class ContactDayCounts : IContactDailyTally
{
    private readonly Dictionary<(string LocationId, string ContactId, DateOnly Day), Units> _units = [];

    /// <summary>Whether the contact's touches of the day, other than this one's own step, leave room for it.</summary>
    public bool Fits(OutboundRequest request, int limit)
    {
        if (!_units.TryGetValue(Key(request), out var units))
        {
            return limit > 0;
        }

        var step = request.TouchStep.ToName();
        var stored = units.Stored.Count(t => t.SequenceId != request.TouchSequence.Id || !string.Equals(t.Step, step, StringComparison.Ordinal));
        return stored + units.LetThrough < limit;
    }

    /// <summary>Counts <paramref name="request"/>, let through, against the later touches of its group.</summary>
    public void Add(OutboundRequest request) => UnitsOf(Key(request)).LetThrough++;

    public ValueTask<bool> TryTakeAsync(OutboundRequest request, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        var fits = Fits(request, limit);
        if (fits)
        {
            Add(request);
        }

        return ValueTask.FromResult(fits);
    }

    public async ValueTask<bool[]> TryTakeEachAsync(IReadOnlyList<OutboundRequest> requests, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        var taken = new bool[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            taken[i] = await TryTakeAsync(requests[i], limit, window, cancellationToken);
        }

        return taken;
    }

    /// <summary>Un-counts a touch let through that a later cap then stopped.</summary>
    public ValueTask ReleaseAsync(OutboundRequest request, CancellationToken cancellationToken)
    {
        UnitsOf(Key(request)).LetThrough--;
        return ValueTask.CompletedTask;
    }

    internal void AddStored(string locationId, string contactId, DateOnly day, long sequenceId, string step) =>
        UnitsOf((locationId, contactId, day)).Stored.Add((sequenceId, step));

    private Units UnitsOf((string, string, DateOnly) key)
    {
        if (!_units.TryGetValue(key, out var units))
        {
            units = new Units();
            _units.Add(key, units);
        }

        return units;
    }

    private static (string, string, DateOnly) Key(OutboundRequest request) =>
        (request.LocationId, request.ContactId, request.TouchDate);

    private sealed class Units
    {
        public List<(long SequenceId, string Step)> Stored { get; } = [];

        public int LetThrough { get; set; }
    }
}
