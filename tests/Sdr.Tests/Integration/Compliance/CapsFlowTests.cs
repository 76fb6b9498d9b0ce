using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Caps;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Messaging;
using Sdr.Core.Sequences;
using Sdr.Tests.Integration.Compliance.Caps;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;
using StackExchange.Redis;

namespace Sdr.Tests.Integration.Compliance;

[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class CapsFlowTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task LocationDailySmsCap_PlansAndDefersTheRestToTheNextUtcDay(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider, new Dictionary<string, string?> { ["sdr:rate_limits:daily_sms_cap"] = "2" });
        var contacts = host.TextableContacts(3).Select(c => c.Id).ToArray();

        var body = await (await host.EnrollAsync(contacts)).Content.ReadFromJsonAsync<JsonElement>();

        body.GetProperty("total_enrolled").GetInt32().ShouldBe(3, body.ToString());
        host.Sandbox.State.SentMessages.Count.ShouldBe(2);
        var held = contacts.Single(id => host.Sandbox.State.SentMessages.All(m => m.ContactId != id));
        var tomorrow = host.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1);
        (await host.GetSequenceAsync(held)).GetProperty("next_touch_at").GetDateTimeOffset().UtcDateTime.ShouldBeGreaterThanOrEqualTo(tomorrow, "enrolment plans it for the next day");

        // The cap itself still holds a touch that comes due today anyway.
        var now = host.Clock.GetUtcNow().UtcDateTime;
        await host.WithDbAsync(db => db.Sequences.Where(s => s.ContactId == held).ExecuteUpdateAsync(set => set.SetProperty(s => s.NextTouchAt, now)));
        await host.ProcessBatchAsync();
        host.Sandbox.State.SentMessages.Count.ShouldBe(2);
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

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ContactDailyCap_HoldsASecondTouchOfTheSameUtcDay_UntilMidnight(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider, new Dictionary<string, string?>
        {
            ["sdr:sequence:steps:email_1:min_hours"] = "2",
            ["sdr:sequence:steps:email_1:max_hours"] = "3",
        });
        var contact = host.TextableContacts(1)[0].Id;
        (await host.EnrollAsync(contact)).EnsureSuccessStatusCode();
        var due = (await host.GetSequenceAsync(contact)).GetProperty("next_touch_at").GetDateTimeOffset();
        due.UtcDateTime.Date.ShouldBe(host.Clock.GetUtcNow().UtcDateTime.Date, "EMAIL_1 must fall due on SMS_1's UTC day");
        host.Clock.SetUtcNow(due.AddMinutes(1));

        (await host.ProcessBatchAsync()).GetProperty("dispatched").GetInt32().ShouldBe(0);

        var decision = (await host.GetSequenceAsync(contact)).GetProperty("decisions").EnumerateArray().Last();
        decision.GetProperty("outcome").GetString().ShouldBe("deferred");
        decision.GetProperty("reason").GetString()!.ShouldContain("daily touch cap of 1");
        var until = decision.GetProperty("until").GetDateTimeOffset();
        until.UtcDateTime.ShouldBe(due.UtcDateTime.Date.AddDays(1));
        host.Sandbox.State.SentMessages.Count(m => m.ContactId == contact).ShouldBe(1);

        host.Clock.SetUtcNow(until.AddMinutes(1));
        (await host.ProcessBatchAsync()).GetProperty("dispatched").GetInt32().ShouldBe(1);
        host.Sandbox.State.SentMessages.Where(m => m.ContactId == contact).Select(m => m.Type).ShouldBe(["SMS", "Email"]);
    }

    [Fact]
    public async Task OnSqlite_TheContactDailyCapCountsTheDaysTouchesThatWentOutOrMayHave()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0].Id;
        (await host.EnrollAsync(contact)).EnsureSuccessStatusCode();
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var request = new OutboundRequest(
            new SdrOutreachSequence { ContactId = contact, LocationId = host.LocationId, CurrentStep = SequenceStep.Sms1, AbVariant = "consultative" },
            SequenceStep.Email1,
            Channel.Email,
            new ComposedMessage("hello"),
            now);

        async Task<bool> FitsAsync(Action<SdrOutreachTouch> change)
        {
            await host.WithDbAsync(async db =>
            {
                change(await db.Touches.SingleAsync(t => t.ContactId == contact));
                return await db.SaveChangesAsync();
            });
            await using var scope = host.Services.CreateAsyncScope();
            var ledger = scope.ServiceProvider.GetRequiredService<TouchLedgerDailyCap>();
            ledger.Applies.ShouldBeTrue();
            return (await ledger.CountAsync([request], CancellationToken.None)).Fits(request, limit: 1);
        }

        (await FitsAsync(_ => { })).ShouldBeFalse("SMS_1 went out today");
        (await FitsAsync(t => t.Status = TouchStatus.Unknown)).ShouldBeFalse("GHL may have taken it");
        (await FitsAsync(t => t.Status = TouchStatus.Reserved)).ShouldBeFalse("it is on its way");
        (await FitsAsync(t => t.Status = TouchStatus.Failed)).ShouldBeTrue("GHL surely did not take it");
        (await FitsAsync(t => (t.Status, t.TouchDate) = (TouchStatus.Sent, DateOnly.FromDateTime(now).AddDays(-1)))).ShouldBeTrue("it went out yesterday");
        (await FitsAsync(t => (t.TouchDate, t.LocationId) = (DateOnly.FromDateTime(now), "another-location"))).ShouldBeTrue("it went out for another location");

        // A group with a contact twice (never one cadence batch, but the stage takes any group): the first fits, the second waits.
        var other = host.TextableContacts(2)[1].Id;
        var sequence = new SdrOutreachSequence { ContactId = other, LocationId = host.LocationId, CurrentStep = SequenceStep.Sms1, AbVariant = "consultative" };
        await using var scope = host.Services.CreateAsyncScope();
        var caps = scope.ServiceProvider.GetServices<IOutboundStage>().OfType<CapsStage>().Single();
        var decisions = await caps.EvaluateManyAsync(
            [request with { Sequence = sequence }, request with { Sequence = sequence, Step = SequenceStep.Email2 }],
            CancellationToken.None);
        decisions.Select(d => d.Verdict).ShouldBe([StageVerdict.Continue, StageVerdict.Deferred]);
    }
}
