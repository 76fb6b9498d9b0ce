using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Sdr.Core.Ai;
using Sdr.Core.Replies;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Agent;

/// <summary>
/// The agent with the LLM configured, against a local fake of Anthropic's Messages API over real HTTP: unsure
/// replies are classified by it, answers composed by it inside the content rules, and a slow, failing or
/// rule-breaking model falls back to the patterns and templates within the timeout. Every use is recorded.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class AgentLanguageModelTests
{
    private const string UnsureReply = "purple monkey dishwasher";

    [Fact]
    public async Task UnsureReply_IsClassifiedByTheLlm_AndAnsweredWithItsComposedText()
    {
        new ObjectionHandler().Classify(UnsureReply).IsUnsure.ShouldBeTrue("the patterns must be unsure of this reply for the LLM to be asked");
        await using var fake = await FakeAnthropicServer.StartAsync();
        fake.Respond(request => request.System.Contains("label", StringComparison.Ordinal)
            ? FakeAnthropicResponse.Text("{\"label\": \"info_request\", \"confidence\": 0.82}")
            : FakeAnthropicResponse.Text("Hi, this is Alex with Harbor Realty. We help local owners buy and sell homes. Are you thinking about a move?"));
        await using var host = await StartAsync(fake);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();

        await ReplyAsync(host, contact.Id, UnsureReply);

        var reply = (await host.GetSequenceAsync(contact.Id)).GetProperty("replies")[0];
        reply.GetProperty("category").GetString().ShouldBe("info_request");
        reply.GetProperty("decided_by").GetString().ShouldBe("llm");
        host.Sandbox.State.SentMessages.Last(m => m.ContactId == contact.Id).Body.ShouldBe("Hi, this is Alex with Harbor Realty. We help local owners buy and sell homes. Are you thinking about a move?");
        var calls = await host.WithDbAsync(db => db.LlmCalls.OrderBy(c => c.Id).ToListAsync());
        calls.Select(c => (c.Purpose, c.Succeeded, c.FallbackReason)).ShouldBe([("classify", true, null), ("compose", true, null)]);
        calls.ShouldAllBe(c => c.Model == "claude-sonnet-4-5" && c.ContactId == contact.Id);
        var log = await host.WithDbAsync(db => db.ObjectionLogs.SingleAsync(o => o.ContactId == contact.Id));
        log.RebuttalSource.ShouldBe("llm");
    }

    [Fact]
    public async Task SlowLlm_FallsBackToPatternsAndTemplates_WithinTheTimeout()
    {
        await using var fake = await FakeAnthropicServer.StartAsync();
        fake.Respond(FakeAnthropicResponse.Text("{\"label\": \"price\", \"confidence\": 0.9}").After(TimeSpan.FromSeconds(20)));
        await using var host = await StartAsync(fake);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();

        var clock = Stopwatch.StartNew();
        await ReplyAsync(host, contact.Id, UnsureReply);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), "two uses of at most 1 s each, not the model's 20 s");
        var reply = (await host.GetSequenceAsync(contact.Id)).GetProperty("replies")[0];
        reply.GetProperty("decided_by").GetString().ShouldBe("patterns");
        reply.GetProperty("action").GetString().ShouldNotBeNull();
        var calls = await host.WithDbAsync(db => db.LlmCalls.ToListAsync());
        calls.ShouldNotBeEmpty();
        calls.ShouldAllBe(c => !c.Succeeded && c.FallbackReason == LlmFallbackReasons.Timeout);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("overloaded")]
    [InlineData("outside")]
    [InlineData("url")]
    public async Task FailingOrRuleBreakingLlm_FallsBack_AndTheProspectIsStillAnswered(string failure)
    {
        await using var fake = await FakeAnthropicServer.StartAsync();
        fake.Respond(request => failure switch
        {
            "garbage" => FakeAnthropicResponse.Garbage(),
            "overloaded" => FakeAnthropicResponse.Overloaded(),
            "outside" => request.System.Contains("label", StringComparison.Ordinal)
                ? FakeAnthropicResponse.Text("{\"label\": \"definitely_a_buyer\", \"confidence\": 0.99}")
                : FakeAnthropicResponse.Refusal(),
            _ => request.System.Contains("label", StringComparison.Ordinal)
                ? FakeAnthropicResponse.Text("{\"label\": \"price\", \"confidence\": 0.9}")
                : FakeAnthropicResponse.Text("Alex here: see https://example.com/deals for prices we guarantee!"),
        });
        await using var host = await StartAsync(fake);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        var sentBefore = host.Sandbox.State.SentMessages.Count(m => m.ContactId == contact.Id);

        await ReplyAsync(host, contact.Id, UnsureReply);

        var calls = await host.WithDbAsync(db => db.LlmCalls.ToListAsync());
        calls.ShouldContain(c => !c.Succeeded);
        var sent = host.Sandbox.State.SentMessages.Where(m => m.ContactId == contact.Id).Skip(sentBefore).ToList();
        sent.Count.ShouldBe(1);
        sent[0].Body!.ShouldNotContain("https://");
    }

    private static async Task<SdrTestHost> StartAsync(FakeAnthropicServer fake) =>
        await SdrTestHost.StartAsync(TestDatabases.Sqlite, new Dictionary<string, string?>
        {
            [AnthropicApiKey.EnvironmentVariable] = FakeAnthropicServer.ApiKey,
            ["sdr:ai:base_url"] = fake.BaseUrl,
            ["sdr:ai:timeout_seconds"] = "1",

            // These tests are about replies; the cadence's rewrite of its templates has its own (MessagingFlowTests).
            ["sdr:messaging:rewrite_with_llm"] = "false",
        });

    private static async Task ReplyAsync(SdrTestHost host, string contactId, string body)
    {
        (await host.Sandbox.Webhooks.SimulateInboundReplyAsync(host.LocationId, contactId, body, SdrTestHost.Webhook("reply"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await host.WaitForWebhooksAsync(TimeSpan.FromSeconds(30));
    }
}
