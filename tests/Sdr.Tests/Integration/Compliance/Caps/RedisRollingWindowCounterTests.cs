using Sdr.Core.Compliance.Caps;
using Sdr.Tests.Support;
using StackExchange.Redis;

namespace Sdr.Tests.Integration.Compliance.Caps;

[Trait(TestCategories.Key, TestCategories.Redis)]
public sealed class RedisRollingWindowCounterTests : IAsyncLifetime
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private ConnectionMultiplexer _redis = null!;

    public async Task InitializeAsync() => _redis = await TestRedis.ConnectAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task AllowsTheLimitPerWindow_AndSaysWhenTheOldestLeaves()
    {
        var rolling = new RedisRollingWindowCounter(_redis);
        var key = "sdr:test:rolling:" + TestRedis.UniqueLocation();
        var start = DateTime.UtcNow.AddHours(-2);
        for (var i = 0; i < 3; i++)
        {
            (await rolling.TryTakeAsync(key, 3, Window, start.AddMinutes(i), CancellationToken.None)).Taken.ShouldBeTrue();
        }

        var refused = await rolling.TryTakeAsync(key, 3, Window, start.AddHours(1), CancellationToken.None);

        refused.Taken.ShouldBeFalse();
        refused.FreesAt!.Value.ShouldBe(start.Add(Window), TimeSpan.FromMilliseconds(1));
        (await rolling.TryTakeAsync(key, 3, Window, start.Add(Window), CancellationToken.None)).Taken.ShouldBeTrue();
        (await _redis.GetDatabase().KeyTimeToLiveAsync(key)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Release_RemovesOneUnitTakenAtThatTime()
    {
        var rolling = new RedisRollingWindowCounter(_redis);
        var key = "sdr:test:rolling:" + TestRedis.UniqueLocation();
        var at = DateTime.UtcNow;
        await rolling.TryTakeAsync(key, 3, Window, at, CancellationToken.None);
        await rolling.TryTakeAsync(key, 3, Window, at, CancellationToken.None);

        await rolling.ReleaseAsync(key, Window, at, CancellationToken.None);

        (await _redis.GetDatabase().SortedSetLengthAsync(key)).ShouldBe(1);
    }

    [Fact]
    public async Task FiftyConcurrentTakes_ExactlyTheLimitSucceed()
    {
        var rolling = new RedisRollingWindowCounter(_redis);
        var key = "sdr:test:rolling:" + TestRedis.UniqueLocation();
        var now = DateTime.UtcNow;

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
            (await rolling.TryTakeAsync(key, 3, Window, now, CancellationToken.None)).Taken)));

        results.Count(taken => taken).ShouldBe(3);
    }
}
