using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Sdr.Core.GoHighLevel.Resilience;

/// <summary>
/// Singleton per-location throttling: GHL's burst limit as a token bucket (callers queue, never fail),
/// the daily limit as a fixed window (fails fast: waiting a day is never useful), and holds set from
/// X-RateLimit-Remaining / Retry-After.
/// </summary>
public sealed class GhlRateLimiter : IDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly PartitionedRateLimiter<string> _burst;
    private readonly PartitionedRateLimiter<string> _daily;
    private readonly ConcurrentDictionary<string, GhlLocationThrottle> _throttles = new(StringComparer.Ordinal);

    public GhlRateLimiter(IOptions<GhlOptions> options, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        var settings = options.Value;
        _burst = PartitionedRateLimiter.Create<string, string>(locationId => RateLimitPartition.GetTokenBucketLimiter(
            locationId,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = settings.RequestsPerWindow,
                TokensPerPeriod = settings.RequestsPerWindow,
                ReplenishmentPeriod = settings.Window,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
        _daily = PartitionedRateLimiter.Create<string, string>(locationId => RateLimitPartition.GetFixedWindowLimiter(
            locationId,
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.DailyLimit,
                Window = TimeSpan.FromDays(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Waits (cancellably) until the location may send one request. False when the daily quota is spent.</summary>
    internal async ValueTask<bool> WaitForPermitAsync(string locationId, CancellationToken cancellationToken)
    {
        var throttle = ThrottleFor(locationId);
        while (true)
        {
            var wait = throttle.HoldUntil - _timeProvider.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                break;
            }

            await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
        }

        using (var daily = _daily.AttemptAcquire(locationId))
        {
            if (!daily.IsAcquired)
            {
                return false;
            }
        }

        // Bucket permits are consumed, not returned: disposing the lease only releases the queue slot.
        using var lease = await _burst.AcquireAsync(locationId, 1, cancellationToken).ConfigureAwait(false);
        return lease.IsAcquired;
    }

    /// <summary>Holds the location: no request starts before <paramref name="until"/>.</summary>
    internal void Hold(string locationId, DateTimeOffset until) => ThrottleFor(locationId).HoldUntilAtLeast(until);

    internal DateTimeOffset HoldUntil(string locationId) => ThrottleFor(locationId).HoldUntil;

    public void Dispose()
    {
        _burst.Dispose();
        _daily.Dispose();
    }

    private GhlLocationThrottle ThrottleFor(string locationId) => _throttles.GetOrAdd(locationId, _ => new GhlLocationThrottle());
}
