using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data.Entities;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Insight;

/// <summary>The stats of a real campaign: enrolments, the cadence, a reply and a STOP through the sandbox and the webhook path.</summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class StatsFlowTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Stats_AfterACadenceAReplyAndAStop_MatchWhatWasStored(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contacts = host.TextableContacts(3);
        (await host.EnrollAsync([.. contacts.Select(c => c.Id)])).EnsureSuccessStatusCode();
        await host.ProcessBatchAsync();
        await host.Sandbox.Webhooks.SimulateInboundReplyAsync(host.LocationId, contacts[0].Id, "How much could I get for my house?", SdrTestHost.Webhook("reply"));
        await host.Sandbox.Webhooks.SimulateInboundReplyAsync(host.LocationId, contacts[1].Id, "STOP", SdrTestHost.Webhook("reply"));
        await host.WaitForWebhooksAsync();
        for (var day = 0; day < 3; day++)
        {
            host.Clock.Advance(TimeSpan.FromDays(1));
            await host.ProcessBatchAsync();
        }

        var stats = await StatsApiTests.GetAsync(host, "/sdr/stats");
        var funnel = await StatsApiTests.GetAsync(host, "/sdr/stats/sequences");

        var week = stats.GetProperty("window");
        week.GetProperty("enrolled").GetInt32().ShouldBe(3);
        week.GetProperty("opted_out").GetInt32().ShouldBe(1);
        var replies = week.GetProperty("replies");
        replies.GetProperty("replied_sequences").GetInt32().ShouldBe(2);
        replies.GetProperty("touched_sequences").GetInt32().ShouldBe(3);
        replies.GetProperty("reply_rate").GetDouble().ShouldBe(0.6667);
        StatsApiTests.Counts(replies.GetProperty("by_category"))["opt_out"].ShouldBe(1);
        week.GetProperty("time_to_first_reply").GetProperty("count").GetInt32().ShouldBe(2);

        var stored = await host.WithDbAsync(db => db.Touches.Where(t => t.Status == TouchStatus.Sent).Select(t => new { t.Step, t.Channel }).ToListAsync());
        stored.Count(t => t.Step == SequenceStep.Sms1).ShouldBe(3);
        stored.Count.ShouldBeGreaterThan(3, "the cadence went on for the contact that neither replied nor opted out");
        var touches = week.GetProperty("touches");
        touches.GetProperty("total").GetInt32().ShouldBe(stored.Count);
        StatsApiTests.Counts(touches.GetProperty("by_step")).ShouldBe(
            stored.GroupBy(t => t.Step.ToName()).ToDictionary(g => g.Key, g => g.Count()), ignoreOrder: true);
        StatsApiTests.Counts(touches.GetProperty("by_channel")).ShouldBe(
            stored.GroupBy(t => t.Channel).ToDictionary(g => g.Key, g => g.Count()), ignoreOrder: true);
        week.GetProperty("dispatch").GetProperty("sent").GetInt32().ShouldBe(stored.Count);

        var steps = StatsApiTests.Steps(funnel.GetProperty("funnel"));
        steps["enrolled"].Reached.ShouldBe(3);
        steps["sms_1"].ShouldBe((3, 2, 0, 0, 1));
        foreach (var (step, counts) in steps.Where(s => s.Key != "enrolled"))
        {
            counts.Reached.ShouldBe(stored.Count(t => t.Step.ToName() == step), step);
        }
    }
}
