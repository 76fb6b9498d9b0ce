using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Experiments;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Experiments;

/// <summary>A/B tests through the real server: assignment at enrolment, what a variant changes, results, guardrail, promotion.</summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class AbTestFlowTests
{
    private const string DirectOpener = "I have buyers looking in your area";
    private const string ConsultativeOpener = "Are you still thinking about a move this year?";
    private static readonly WeightedVariant[] Even = [new("consultative", 50), new("direct", 50)];

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RunningTest_AssignsEnrolmentsByContact_AndEachGetsItsVariantsTemplates(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var test = await AbTestHttp.CreateAsync(host, new { name = "Opener", variants = new[] { new { name = "consultative", weight = 50 }, new { name = "direct", weight = 50 } } });
        var id = test.GetProperty("id").GetInt64();
        var direct = AbTestHttp.ContactsOf(host, id, Even, "direct", 3);
        var consultative = AbTestHttp.ContactsOf(host, id, Even, "consultative", 3);

        await AbTestHttp.EnrollAsync(host, [.. direct, .. consultative]);

        var sequences = await host.WithDbAsync(db => db.Sequences.ToListAsync());
        sequences.ShouldAllBe(s => s.AbTestId == id);
        sequences.Where(s => direct.Contains(s.ContactId)).ShouldAllBe(s => s.AbVariant == "direct");
        sequences.Where(s => consultative.Contains(s.ContactId)).ShouldAllBe(s => s.AbVariant == "consultative");
        var sent = host.Sandbox.State.SentMessages;
        direct.ShouldAllBe(c => sent.Single(m => m.ContactId == c).Body!.Contains(DirectOpener));
        consultative.ShouldAllBe(c => sent.Single(m => m.ContactId == c).Body!.Contains(ConsultativeOpener));

        var results = await AbTestHttp.ResultsAsync(host, id);
        AbTestHttp.Variant(results, "direct").GetProperty("assigned").GetInt32().ShouldBe(3);
        AbTestHttp.Variant(results, "consultative").GetProperty("assigned").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task ExplicitSequenceVariant_WinsOverARunningTest_AndIsNotCounted()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var test = await AbTestHttp.CreateAsync(host, new { name = "Opener", variants = new[] { new { name = "consultative", weight = 50 }, new { name = "direct", weight = 50 } } });
        var id = test.GetProperty("id").GetInt64();
        var contact = AbTestHttp.ContactsOf(host, id, Even, "direct", 1)[0];

        await AbTestHttp.EnrollAsync(host, [contact], variant: "consultative");

        var sequence = await host.WithDbAsync(db => db.Sequences.SingleAsync());
        sequence.AbVariant.ShouldBe("consultative");
        sequence.AbTestId.ShouldBeNull();
        host.Sandbox.State.SentMessages.Single().Body!.ShouldContain(ConsultativeOpener);
        AbTestHttp.Variant(await AbTestHttp.ResultsAsync(host, id), "consultative").GetProperty("assigned").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task StepTiming_OfAVariant_BringsItsStepForward_OnTheFakeClock()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var test = await AbTestHttp.CreateAsync(host, new
        {
            name = "Faster email",
            variants = new object[]
            {
                new { name = "consultative", weight = 50 },
                new { name = "fast_email", weight = 50, step_timing = new { email_1 = new { min_hours = 4, max_hours = 6 } } },
            },
        });
        var id = test.GetProperty("id").GetInt64();
        WeightedVariant[] arms = [new("consultative", 50), new("fast_email", 50)];
        var fast = AbTestHttp.ContactsOf(host, id, arms, "fast_email", 1)[0];
        var control = AbTestHttp.ContactsOf(host, id, arms, "consultative", 1)[0];
        var enrolledAt = host.Clock.GetUtcNow();

        await AbTestHttp.EnrollAsync(host, [fast, control]);

        var fastDue = (await host.GetSequenceAsync(fast)).GetProperty("next_touch_at").GetDateTimeOffset();
        var controlDue = (await host.GetSequenceAsync(control)).GetProperty("next_touch_at").GetDateTimeOffset();
        (fastDue - enrolledAt).TotalHours.ShouldBeInRange(4, 19.9, "the variant's window, moved into the recipient's allowed hours at most");
        (controlDue - enrolledAt).TotalHours.ShouldBeGreaterThanOrEqualTo(20, "the cadence's own email_1 window");

        host.Clock.SetUtcNow(fastDue.AddMinutes(1));
        await host.ProcessBatchAsync();

        host.Sandbox.State.SentMessages.Where(m => m.ContactId == fast).Select(m => m.Type).ShouldBe(["SMS", "Email"]);
        host.Sandbox.State.SentMessages.Where(m => m.ContactId == control).Select(m => m.Type).ShouldBe(["SMS"]);
    }

    [Fact]
    public async Task Results_CountRepliesAndStops_PerVariant_WithRatesAndAVerdict()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var test = await AbTestHttp.CreateAsync(host, new { name = "Opener", variants = new[] { new { name = "consultative", weight = 50 }, new { name = "direct", weight = 50 } } });
        var id = test.GetProperty("id").GetInt64();
        var direct = AbTestHttp.ContactsOf(host, id, Even, "direct", 4);
        var consultative = AbTestHttp.ContactsOf(host, id, Even, "consultative", 4);
        await AbTestHttp.EnrollAsync(host, [.. direct, .. consultative]);

        var reply = SdrTestHost.Webhook("reply");
        await host.Sandbox.Webhooks.SimulateInboundReplyAsync(host.LocationId, direct[0], "What would you pay for it?", reply);
        await host.Sandbox.Webhooks.SimulateInboundReplyAsync(host.LocationId, direct[1], "Maybe, tell me more", reply);
        await host.Sandbox.Webhooks.SimulateInboundReplyAsync(host.LocationId, direct[2], "STOP", reply);
        await host.Sandbox.Webhooks.SimulateInboundReplyAsync(host.LocationId, consultative[0], "Sure, what's it worth?", reply);
        await host.WaitForWebhooksAsync();

        var results = await AbTestHttp.ResultsAsync(host, id);

        var directResults = AbTestHttp.Variant(results, "direct");
        directResults.GetProperty("assigned").GetInt32().ShouldBe(4);
        directResults.GetProperty("replied").GetInt32().ShouldBe(2, "a STOP is an opt-out, not a reply");
        directResults.GetProperty("opted_out").GetInt32().ShouldBe(1);
        directResults.GetProperty("rates").GetProperty("reply_rate").GetProperty("rate").GetDouble().ShouldBe(0.5);
        directResults.GetProperty("rates").GetProperty("opt_out_rate").GetProperty("rate").GetDouble().ShouldBe(0.25);
        directResults.GetProperty("rates").GetProperty("reply_rate").GetProperty("p_value").GetDouble().ShouldBeInRange(0, 1);
        var control = AbTestHttp.Variant(results, "consultative");
        control.GetProperty("is_control").GetBoolean().ShouldBeTrue();
        control.GetProperty("replied").GetInt32().ShouldBe(1);
        control.GetProperty("opted_out").GetInt32().ShouldBe(0);
        results.GetProperty("leader").GetString().ShouldBe("direct");
        results.GetProperty("verdict").GetString()!.ShouldStartWith("direct leads on reply rate (50 % vs 25 % for consultative)");
    }

    [Fact]
    public async Task Guardrail_StopsAVariantWhoseOptOutsAreSignificantlyWorse_AndItTakesNoNewContacts()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite, new Dictionary<string, string?>
        {
            ["sdr:experiments:guardrail_min_sample"] = "4",
            ["sdr:experiments:guardrail_alpha"] = "0.01",
        });
        var test = await AbTestHttp.CreateAsync(host, new { name = "Opener", variants = new[] { new { name = "consultative", weight = 50 }, new { name = "direct", weight = 50 } } });
        var id = test.GetProperty("id").GetInt64();
        var direct = AbTestHttp.ContactsOf(host, id, Even, "direct", 6);
        var consultative = AbTestHttp.ContactsOf(host, id, Even, "consultative", 4);
        await AbTestHttp.EnrollAsync(host, [.. direct.Take(4), .. consultative]);
        foreach (var contact in direct.Take(4))
        {
            await host.Sandbox.Webhooks.SimulateInboundReplyAsync(host.LocationId, contact, "STOP", SdrTestHost.Webhook("reply"));
        }

        await host.WaitForWebhooksAsync();

        // The periodic hook the worker calls: 4/4 opted out against 0/4 is one-sided p = 0.0023 < 0.01.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<ExperimentGuardrail>().EnforceGuardrailsAsync(CancellationToken.None)).ShouldBe(1);
        }

        var results = await AbTestHttp.ResultsAsync(host, id);
        var stopped = AbTestHttp.Variant(results.GetProperty("experiment"), "direct");
        stopped.GetProperty("status").GetString().ShouldBe("stopped");
        stopped.GetProperty("stop_reason").GetString()!.ShouldContain("opt-out rate 4/4");
        results.GetProperty("verdict").GetString()!.ShouldContain("direct was stopped: guardrail");
        results.GetProperty("experiment").GetProperty("status").GetString().ShouldBe("stopped", "only the control was left");

        await AbTestHttp.EnrollAsync(host, direct.Skip(4));
        var later = await host.WithDbAsync(db => db.Sequences.Where(s => direct.Skip(4).Contains(s.ContactId)).ToListAsync());
        later.ShouldAllBe(s => s.AbVariant == "consultative" && s.AbTestId == null);
    }

    [Fact]
    public async Task Guardrail_OnAThreeArmTest_StopsOnlyTheBadVariant_WhenResultsAreRead()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite, new Dictionary<string, string?> { ["sdr:experiments:guardrail_min_sample"] = "4" });
        WeightedVariant[] arms = [new("consultative", 34), new("direct", 33), new("slow", 33)];
        var test = await AbTestHttp.CreateAsync(host, new
        {
            name = "Three",
            variants = new object[]
            {
                new { name = "consultative", weight = 34 },
                new { name = "direct", weight = 33 },
                new { name = "slow", weight = 33, step_timing = new { sms_2 = new { min_hours = 90, max_hours = 100 } } },
            },
        });
        var id = test.GetProperty("id").GetInt64();
        var direct = AbTestHttp.ContactsOf(host, id, arms, "direct", 6);
        await AbTestHttp.EnrollAsync(host, [.. direct.Take(4), .. AbTestHttp.ContactsOf(host, id, arms, "consultative", 4), .. AbTestHttp.ContactsOf(host, id, arms, "slow", 4)]);
        foreach (var contact in direct.Take(4))
        {
            await host.Sandbox.Webhooks.SimulateInboundReplyAsync(host.LocationId, contact, "STOP", SdrTestHost.Webhook("reply"));
        }

        await host.WaitForWebhooksAsync();

        var results = await AbTestHttp.ResultsAsync(host, id);

        AbTestHttp.Variant(results.GetProperty("experiment"), "direct").GetProperty("status").GetString().ShouldBe("stopped");
        AbTestHttp.Variant(results.GetProperty("experiment"), "slow").GetProperty("status").GetString().ShouldBe("active");
        results.GetProperty("experiment").GetProperty("status").GetString().ShouldBe("running");
        await AbTestHttp.EnrollAsync(host, direct.Skip(4));
        var moved = await host.WithDbAsync(db => db.Sequences.Where(s => direct.Skip(4).Contains(s.ContactId)).ToListAsync());
        moved.ShouldAllBe(s => s.AbTestId == id && s.AbVariant != "direct");
    }

    [Fact]
    public async Task Promote_MakesTheWinnerTheDefaultForNewEnrolments_ButAnExplicitVariantStillWins()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var test = await AbTestHttp.CreateAsync(host, new { name = "Opener", variants = new[] { new { name = "consultative", weight = 50 }, new { name = "direct", weight = 50 } } });
        var id = test.GetProperty("id").GetInt64();
        var direct = AbTestHttp.ContactsOf(host, id, Even, "direct", 2);
        var consultative = AbTestHttp.ContactsOf(host, id, Even, "consultative", 4);
        await AbTestHttp.EnrollAsync(host, [direct[0], consultative[0]]);
        await host.Sandbox.Webhooks.SimulateInboundReplyAsync(host.LocationId, direct[0], "Maybe, what's it worth?", SdrTestHost.Webhook("reply"));
        await host.WaitForWebhooksAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(5));

        var promote = await host.Client.PostAsync($"/sdr/ab-tests/{id}/promote", null);

        promote.StatusCode.ShouldBe(HttpStatusCode.OK);
        var promoted = await promote.Content.ReadFromJsonAsync<JsonElement>();
        promoted.GetProperty("status").GetString().ShouldBe("promoted");
        promoted.GetProperty("winner").GetString().ShouldBe("direct", "the leader on reply rate");
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await AbTestHttp.EnrollAsync(host, consultative.Skip(1).Take(2));
        await AbTestHttp.EnrollAsync(host, [consultative[3]], variant: "consultative");
        var after = await host.WithDbAsync(db => db.Sequences.ToDictionaryAsync(s => s.ContactId, s => s.AbVariant));
        after[consultative[1]].ShouldBe("direct");
        after[consultative[2]].ShouldBe("direct");
        after[consultative[3]].ShouldBe("consultative");
        host.Sandbox.State.SentMessages.Single(m => m.ContactId == consultative[1]).Body!.ShouldContain(DirectOpener);

        var results = await AbTestHttp.ResultsAsync(host, id);
        AbTestHttp.Variant(results, "direct").GetProperty("assigned").GetInt32().ShouldBe(1, "enrolments after the promotion are not the test's");
        results.GetProperty("verdict").GetString()!.ShouldStartWith("Promoted direct.");
    }

    [Fact]
    public async Task ConfiguredTest_IsCreatedAtStart_AndAssigns()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite, new Dictionary<string, string?>
        {
            ["sdr:experiments:tests:opener:name"] = "Opener from config",
            ["sdr:experiments:tests:opener:variants:0:name"] = "consultative",
            ["sdr:experiments:tests:opener:variants:0:weight"] = "50",
            ["sdr:experiments:tests:opener:variants:1:name"] = "direct",
            ["sdr:experiments:tests:opener:variants:1:weight"] = "50",
            ["sdr:experiments:tests:off:enabled"] = "false",
            ["sdr:experiments:tests:off:variants:0:name"] = "consultative",
            ["sdr:experiments:tests:off:variants:0:weight"] = "50",
            ["sdr:experiments:tests:off:variants:1:name"] = "direct",
            ["sdr:experiments:tests:off:variants:1:weight"] = "50",
        });

        var list = await WaitForTestsAsync(host);

        var test = list.ShouldHaveSingleItem();
        test.GetProperty("config_key").GetString().ShouldBe("opener");
        test.GetProperty("name").GetString().ShouldBe("Opener from config");
        test.GetProperty("status").GetString().ShouldBe("running");
        var id = test.GetProperty("id").GetInt64();
        var contact = AbTestHttp.ContactsOf(host, id, Even, "direct", 1)[0];
        await AbTestHttp.EnrollAsync(host, [contact]);
        (await host.WithDbAsync(db => db.Sequences.SingleAsync())).AbVariant.ShouldBe("direct");
    }

    private static async Task<List<JsonElement>> WaitForTestsAsync(SdrTestHost host)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var list = (await host.Client.GetFromJsonAsync<JsonElement>("/sdr/ab-tests")).EnumerateArray().ToList();
            if (list.Count > 0 || DateTime.UtcNow > deadline)
            {
                return list;
            }

            await Task.Delay(50);
        }
    }
}
