using System.Collections.Frozen;

namespace Sdr.Sandbox.Http;

internal readonly record struct RateDecision(bool Allowed, int Remaining, int DailyRemaining, TimeSpan RetryAfter);

internal sealed class RateLimiter
{
    private readonly FrozenDictionary<string, Bucket> _buckets;
    private readonly TimeProvider _time;
    private readonly int _max;
    private readonly TimeSpan _window;
    private readonly int _daily;

    public RateLimiter(SandboxOptions options)
    {
        _time = options.TimeProvider;
        _max = options.RequestsPerWindow;
        _window = options.Window;
        _daily = options.DailyLimit;
        _buckets = options.Locations.ToFrozenDictionary(l => l.LocationId, _ => new Bucket(), StringComparer.Ordinal);
    }

    public int Max => _max;

    public int Daily => _daily;

    public long WindowMilliseconds => (long)_window.TotalMilliseconds;

    public RateDecision Acquire(string locationId, bool enforce)
    {
        var bucket = _buckets[locationId];
        var now = _time.GetUtcNow();
        lock (bucket)
        {
            if (now - bucket.WindowStart >= _window || now < bucket.WindowStart)
            {
                bucket.WindowStart = now;
                bucket.Count = 0;
            }

            var day = DateOnly.FromDateTime(now.UtcDateTime);
            if (bucket.Day != day)
            {
                bucket.Day = day;
                bucket.DailyCount = 0;
            }

            if (enforce && (bucket.Count >= _max || bucket.DailyCount >= _daily))
            {
                var retry = bucket.DailyCount >= _daily
                    ? now.UtcDateTime.Date.AddDays(1) - now.UtcDateTime
                    : bucket.WindowStart + _window - now;
                return new RateDecision(false, Math.Max(_max - bucket.Count, 0), Math.Max(_daily - bucket.DailyCount, 0), retry);
            }

            bucket.Count++;
            bucket.DailyCount++;
            return new RateDecision(true, Math.Max(_max - bucket.Count, 0), Math.Max(_daily - bucket.DailyCount, 0), TimeSpan.Zero);
        }
    }

    private sealed class Bucket
    {
        public DateTimeOffset WindowStart { get; set; } = DateTimeOffset.MinValue;

        public int Count { get; set; }

        public DateOnly Day { get; set; }

        public int DailyCount { get; set; }
    }
}
