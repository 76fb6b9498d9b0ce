namespace Sdr.Core.Compliance.Caps;

/// <summary>The per-contact daily cap in an <see cref="ICapCounter"/> (Redis, or <c>sdr_rate_counters</c> on PostgreSQL).</summary>
public sealed class CounterContactDailyCap(ICapCounter counter) : IContactDailyCap, IContactDailyTally
{
    public ValueTask<IContactDailyTally> BeginAsync(IReadOnlyList<OutboundRequest> requests, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IContactDailyTally>(this);

    public ValueTask<bool> TryTakeAsync(OutboundRequest request, int limit, TimeSpan window, CancellationToken cancellationToken) =>
        counter.TryTakeAsync(Key(request), limit, window, cancellationToken);

    public ValueTask<bool[]> TryTakeEachAsync(IReadOnlyList<OutboundRequest> requests, int limit, TimeSpan window, CancellationToken cancellationToken) =>
        counter.TryTakeEachAsync([.. requests.Select(Key)], limit, window, cancellationToken);

    public ValueTask ReleaseAsync(OutboundRequest request, CancellationToken cancellationToken) =>
        counter.ReleaseAsync(Key(request), cancellationToken);

    private static string Key(OutboundRequest request) =>
        CapKeys.DailyContact(request.LocationId, request.ContactId, CapClock.AsUtc(request.Now));
}
