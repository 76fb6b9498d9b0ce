using System.Globalization;
using StackExchange.Redis;

namespace Sdr.Core.Compliance.Caps;

/// <summary>
/// <see cref="IRollingWindowCounter"/> in Redis: a sorted set of the units scored by the time they
/// were taken (Unix milliseconds). Pruning, counting and adding run in one Lua script.
/// </summary>
public sealed class RedisRollingWindowCounter(IConnectionMultiplexer redis) : IRollingWindowCounter
{
    // Returns -1 when taken, else the score of the oldest unit still in the window.
    private const string TakeScript = """
        local now = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            return tonumber(oldest[2])
        end
        redis.call('ZADD', KEYS[1], now, ARGV[4])
        redis.call('PEXPIRE', KEYS[1], window)
        return -1
        """;

    // Removes one unit taken at the given time, not every unit that shares it.
    private const string ReleaseScript = """
        local members = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1], 'LIMIT', 0, 1)
        if #members > 0 then
            redis.call('ZREM', KEYS[1], members[1])
        end
        return #members
        """;

    private readonly IConnectionMultiplexer _redis = redis;

    public async ValueTask<RollingTake> TryTakeAsync(string key, int limit, TimeSpan window, DateTime now, CancellationToken cancellationToken)
    {
        var nowMs = UnixMilliseconds(now);
        var windowMs = (long)Math.Ceiling(window.TotalMilliseconds);
        var member = nowMs.ToString(CultureInfo.InvariantCulture) + ":" + Guid.NewGuid().ToString("N");
        var result = (long)await _redis.GetDatabase().ScriptEvaluateAsync(TakeScript, [key], [nowMs, windowMs, limit, member]);
        return result < 0
            ? RollingTake.Allowed
            : RollingTake.Refused(DateTime.UnixEpoch.AddMilliseconds(result + windowMs));
    }

    public async ValueTask ReleaseAsync(string key, TimeSpan window, DateTime takenAt, CancellationToken cancellationToken) =>
        await _redis.GetDatabase().ScriptEvaluateAsync(ReleaseScript, [key], [UnixMilliseconds(takenAt)]);

    private static long UnixMilliseconds(DateTime value) =>
        new DateTimeOffset(CapClock.AsUtc(value)).ToUnixTimeMilliseconds();
}
