namespace Sdr.Core.Compliance.Caps;

/// <summary>
/// <c>max_touches_per_contact_per_day</c> for cadence touches, as the caps stage asks it: per group of
/// touches, so that what a group needs is read at once. Kept by a counter (<see cref="CounterContactDailyCap"/>)
/// or read from the touches themselves (<see cref="TouchLedgerDailyCap"/>, SQLite without Redis).
/// </summary>
public interface IContactDailyCap
{
    /// <summary>Starts counting for <paramref name="requests"/>: the tally the stage takes their units from.</summary>
    ValueTask<IContactDailyTally> BeginAsync(IReadOnlyList<OutboundRequest> requests, CancellationToken cancellationToken);

    /// <summary>Gives back the unit of a touch that passed the stage and then did not go out.</summary>
    ValueTask ReleaseAsync(OutboundRequest request, CancellationToken cancellationToken);
}

/// <summary>One group's daily units: a touch taken counts against the group's later touches of the same contact.</summary>
public interface IContactDailyTally
{
    /// <summary>One unit for the touch's contact and UTC day if fewer than <paramref name="limit"/> are counted: true when taken.</summary>
    ValueTask<bool> TryTakeAsync(OutboundRequest request, int limit, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="TryTakeAsync"/> for each of <paramref name="requests"/> (of distinct contacts, at one time),
    /// in as few round trips as the store allows: which were taken, in order.
    /// </summary>
    ValueTask<bool[]> TryTakeEachAsync(IReadOnlyList<OutboundRequest> requests, int limit, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Gives back a unit this tally took, for a touch a later cap stopped.</summary>
    ValueTask ReleaseAsync(OutboundRequest request, CancellationToken cancellationToken);
}
