using Microsoft.Extensions.Options;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Caps;
using Sdr.Core.Configuration;
using Sdr.Core.Data.Entities;
using Sdr.Core.Messaging;
using Sdr.Core.Sequences;
using Sdr.Tests.Support;
using StackExchange.Redis;

namespace Sdr.Tests.Integration.Compliance.Caps;

[Trait(TestCategories.Key, TestCategories.Redis)]
public sealed class RedisCapCounterTests : IAsyncLifetime
{
    private ConnectionMultiplexer _redis = null!;

    public async Task InitializeAsync() => _redis = await TestRedis.ConnectAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task FiftyConcurrentTakes_ExactlyTheLimitSucceed()
    {
        var counter = new RedisCapCounter(_redis);
        var key = "sdr:test:" + TestRedis.UniqueLocation();

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
            await counter.TryTakeAsync(key, 20, TimeSpan.FromMinutes(5), CancellationToken.None))));

        results.Count(taken => taken).ShouldBe(20);
        ((int)await _redis.GetDatabase().StringGetAsync(key)).ShouldBe(20);
    }

    [Fact]
    public async Task FirstTake_SetsTheExpiry()
    {
        var counter = new RedisCapCounter(_redis);
        var key = "sdr:test:" + TestRedis.UniqueLocation();

        await counter.TryTakeAsync(key, 5, TimeSpan.FromSeconds(90), CancellationToken.None);
        await counter.TryTakeAsync(key, 5, TimeSpan.FromHours(5), CancellationToken.None);

        var ttl = await _redis.GetDatabase().KeyTimeToLiveAsync(key);
        ttl.ShouldNotBeNull();
        ttl.Value.ShouldBeInRange(TimeSpan.FromSeconds(80), TimeSpan.FromSeconds(90));
    }

    [Fact]
    public async Task Release_GivesOneBack_NeverBelowZero()
    {
        var counter = new RedisCapCounter(_redis);
        var key = "sdr:test:" + TestRedis.UniqueLocation();
        await counter.TryTakeAsync(key, 1, TimeSpan.FromMinutes(5), CancellationToken.None);
        (await counter.TryTakeAsync(key, 1, TimeSpan.FromMinutes(5), CancellationToken.None)).ShouldBeFalse();

        await counter.ReleaseAsync(key, CancellationToken.None);
        await counter.ReleaseAsync(key, CancellationToken.None);

        ((int)await _redis.GetDatabase().StringGetAsync(key)).ShouldBe(0);
        (await counter.TryTakeAsync(key, 1, TimeSpan.FromMinutes(5), CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task Stage_CountsTheLocationsSms_UnderTheSpecKey_UntilAfterTheUtcDay()
    {
        var location = TestRedis.UniqueLocation();
        var stage = new CapsStage(
            new RedisCapCounter(_redis),
            new RedisRollingWindowCounter(_redis),
            Options.Create(new RateLimitOptions()),
            Options.Create(new CapsOptions()));
        var now = DateTime.UtcNow;
        var request = new OutboundRequest(
            new SdrOutreachSequence { ContactId = "contact-1", LocationId = location, CurrentStep = SequenceStep.Sms1, AbVariant = "consultative" },
            SequenceStep.Sms1,
            Channel.Sms,
            new ComposedMessage("Hi"),
            now,
            MessagePurpose.Answer);

        (await stage.EvaluateAsync(request, CancellationToken.None)).ShouldBe(StageDecision.Continue);

        var key = $"sdr:sms:daily:{location}:{now:yyyy-MM-dd}";
        var db = _redis.GetDatabase();
        ((int)await db.StringGetAsync(key)).ShouldBe(1);
        var ttl = await db.KeyTimeToLiveAsync(key);
        ttl.ShouldNotBeNull();
        ttl.Value.ShouldBeGreaterThan(now.Date.AddDays(1) - now);
        // Redis keeps expiries in whole milliseconds, so the window can read up to 1 ms longer than asked.
        ttl.Value.ShouldBeLessThanOrEqualTo(now.Date.AddDays(1) - now + TimeSpan.FromHours(1) + TimeSpan.FromMilliseconds(1));

        await stage.ReleaseAsync(request, CancellationToken.None);
        ((int)await db.StringGetAsync(key)).ShouldBe(0);
    }

    [Fact]
    public async Task EnrollmentThrottle_UsesTheHourlyKey()
    {
        var location = TestRedis.UniqueLocation();
        var throttle = new EnrollmentThrottle(new RedisCapCounter(_redis), Options.Create(new RateLimitOptions { MaxEnrollmentsPerHour = 2 }));
        var now = new DateTime(2026, 7, 6, 14, 30, 0, DateTimeKind.Utc);

        (await throttle.TryEnrollAsync(location, now)).ShouldBeTrue();
        (await throttle.TryEnrollAsync(location, now.AddMinutes(10))).ShouldBeTrue();
        (await throttle.TryEnrollAsync(location, now.AddMinutes(20))).ShouldBeFalse();
        (await throttle.TryEnrollAsync(location, now.AddMinutes(30))).ShouldBeTrue();

        ((int)await _redis.GetDatabase().StringGetAsync($"sdr:enroll:hourly:{location}:2026-07-06T14")).ShouldBe(2);
    }
}
