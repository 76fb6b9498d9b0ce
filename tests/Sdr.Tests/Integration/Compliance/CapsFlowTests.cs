using System.Net.Http.Json;
using System.Text.Json;
using Sdr.Tests.Integration.Caps;
using Sdr.Tests.Integration.Support;
using StackExchange.Redis;

namespace Sdr.Tests.Integration.Compliance;

public sealed class CapsFlowTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task LocationDailySmsCap_DefersTheRestToTheNextUtcDay(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider, new Dictionary<string, string?> { ["sdr:rate_limits:daily_sms_cap"] = "2" });
        var contacts = host.TextableContacts(3).Select(c => c.Id).ToArray();

        var body = await (await host.EnrollAsync(contacts)).Content.ReadFromJsonAsync<JsonElement>();

        body.GetProperty("total_enrolled").GetInt32().ShouldBe(3, body.ToString());
        host.Sandbox.State.SentMessages.Count.ShouldBe(2);
        var held = contacts.Single(id => host.Sandbox.State.SentMessages.All(m => m.ContactId != id));
        var decision = (await host.GetSequenceAsync(held)).GetProperty("decisions").EnumerateArray().Last();
        decision.GetProperty("outcome").GetString().ShouldBe("deferred");
        decision.GetProperty("reason").GetString()!.ShouldContain("daily SMS cap of 2");
        decision.GetProperty("until").GetDateTimeOffset().UtcDateTime.ShouldBeGreaterThanOrEqualTo(host.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1));
    }

    [Fact]
    public async Task WithRedis_TheDailySmsCountIsKeptUnderTheSpecKey()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite, new Dictionary<string, string?> { ["Redis:Configuration"] = TestRedis.Server });
        var contact = host.TextableContacts(1)[0];
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestRedis.Server);
        foreach (var stale in redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: $"sdr:*{host.LocationId}*"))
        {
            await redis.GetDatabase().KeyDeleteAsync(stale); // counters left by an earlier run against the same server
        }

        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();

        var key = $"sdr:sms:daily:{host.LocationId}:{host.Clock.GetUtcNow():yyyy-MM-dd}";
        ((int)await redis.GetDatabase().StringGetAsync(key)).ShouldBeGreaterThanOrEqualTo(1);
        host.Sandbox.State.SentMessages.Count.ShouldBe(1);
    }
}
