using StackExchange.Redis;

namespace Sdr.Core.Compliance.Caps;

/// <summary>
/// <see cref="ICapCounter"/> in Redis: one integer key per window. The check and the increment run
/// in one Lua script, so concurrent instances can never count past the limit.
/// </summary>
public sealed class RedisCapCounter(IConnectionMultiplexer redis) : ICapCounter
{
    // The expiry is also set when the key has none, so a key can never outlive its window.
    private const string TakeScript = """
        local count = tonumber(redis.call('GET', KEYS[1]) or '0')
        if count >= tonumber(ARGV[1]) then
            return 0
        end
        redis.call('INCR', KEYS[1])
        if redis.call('PTTL', KEYS[1]) < 0 then
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return 1
        """;

    private const string ReleaseScript = """
        local count = tonumber(redis.call('GET', KEYS[1]) or '0')
        if count > 0 then
            redis.call('DECR', KEYS[1])
        end
        return count
        """;

    private readonly IConnectionMultiplexer _redis = redis;

    public async ValueTask<bool> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var result = await _redis.GetDatabase().ScriptEvaluateAsync(
            TakeScript,
            [key],
            [limit, (long)Math.Ceiling(window.TotalMilliseconds)]);
        return (long)result == 1;
    }

    public async ValueTask ReleaseAsync(string key, CancellationToken cancellationToken) =>
        await _redis.GetDatabase().ScriptEvaluateAsync(ReleaseScript, [key]);
}
