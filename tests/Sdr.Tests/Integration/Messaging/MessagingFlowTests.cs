using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sdr.Core.Ai;
using Sdr.Core.Configuration;
using Sdr.Core.Data;
using Sdr.Core.Messaging;
using Sdr.Core.Profiles;
using Sdr.Core.Sequences;
using Sdr.Server.Hosting;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;
using Sdr.Tests.Unit.Messaging;

namespace Sdr.Tests.Integration.Messaging;

/// <summary>
/// Templates and profiles through the real server: an expired owner's first text names its listing, the profile is
/// stored encrypted and shown by the API, each touch records its template, variant and model, and a template that
/// cannot be used stops the start naming its file and line.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class MessagingFlowTests
{
    private static readonly Dictionary<string, string?> ModelOff = new() { [AnthropicApiKey.EnvironmentVariable] = "" };

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task EnrolAnExpiredOwner_FirstTextNamesTheListing_AndTheProfileIsStoredEncryptedAndShown(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider, ModelOff);
        var contact = host.TextableContacts(1)[0];

        var result = await EnrolExpiredOwnerAsync(host, contact.Id);

        result.Enrolled.ShouldBe([contact.Id]);
        var sms = host.Sandbox.State.SentMessages.ShouldHaveSingleItem();
        sms.Body.ShouldNotBeNull().ShouldContain("Saw 12 Oak St left the market after 94 days. Still want to sell?");
        var prospect = await GetProspectAsync(host, contact.Id);
        prospect.GetProperty("lead_type").GetString().ShouldBe("seller");
        var profile = prospect.GetProperty("profile");
        profile.GetProperty("address").GetString().ShouldBe("12 Oak St");
        profile.GetProperty("days_on_market").GetInt32().ShouldBe(94);
        profile.GetProperty("price_history").GetProperty("reductions").GetInt32().ShouldBe(2);
        profile.GetProperty("lead_type_evidence")[0].GetString().ShouldBe("listing:expired_mls");
        prospect.GetProperty("profiled_at").ValueKind.ShouldBe(JsonValueKind.String);
        var raw = await host.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT profile AS \"Value\" FROM sdr_prospects").SingleAsync());
        raw.ShouldNotContain("Oak St", customMessage: "the profile holds the address: encrypted at rest");
        var touch = (await host.GetSequenceAsync(contact.Id)).GetProperty("touches")[0];
        touch.GetProperty("template_id").GetString().ShouldBe("sources/expired_mls/consultative/sms_1");
        touch.GetProperty("template_variant").GetString().ShouldBe("consultative");
        touch.GetProperty("composed_by_model").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task EnrolWithoutHints_ProfilesTheContactFromGhl()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite, ModelOff);
        var contact = host.TextableContacts(1)[0];

        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();

        var profile = (await GetProspectAsync(host, contact.Id)).GetProperty("profile");
        profile.GetProperty("address").GetString().ShouldBe(contact.Address1);
        profile.GetProperty("city").GetString().ShouldBe(contact.City);
        var touch = (await host.GetSequenceAsync(contact.Id)).GetProperty("touches")[0];
        touch.GetProperty("template_id").GetString().ShouldBe("consultative/sms_1");
    }

    [Fact]
    public async Task ModelRewrite_WithinTheRules_IsSentAndRecordedWithItsModel()
    {
        await using var fake = await FakeAnthropicServer.StartAsync();
        fake.Respond("Saw 12 Oak St came off the market after 94 days. Still hoping to sell it?");
        await using var host = await StartWithModelAsync(fake);
        var contact = host.TextableContacts(1)[0];

        await EnrolExpiredOwnerAsync(host, contact.Id);

        var sms = host.Sandbox.State.SentMessages.ShouldHaveSingleItem();
        sms.Body.ShouldNotBeNull().ShouldContain("Saw 12 Oak St came off the market after 94 days. Still hoping to sell it? Reply STOP to opt out");
        var touch = (await host.GetSequenceAsync(contact.Id)).GetProperty("touches")[0];
        touch.GetProperty("composed_by_model").GetString().ShouldBe("claude-sonnet-4-5");
        touch.GetProperty("template_id").GetString().ShouldBe("sources/expired_mls/consultative/sms_1");
        var call = await host.WithDbAsync(db => db.LlmCalls.SingleAsync());
        (call.Purpose, call.Succeeded, call.FallbackReason).ShouldBe((OutreachRewriter.Purpose, true, (string?)null));
        fake.Requests.ShouldHaveSingleItem().System.ShouldContain("days_on_market: 94");
    }

    [Theory]
    [InlineData("Saw 12 Oak St after 120 days on the market. Still want to sell?", "rule:unknown_fact")]
    [InlineData("Saw 12 Oak St is off the market: see harborhomes.com for a plan.", "rule:url")]
    [InlineData("I'm sorry, but I can't help with writing that message.", "refusal")]
    public async Task ModelRewrite_BreakingARule_SendsTheTemplate(string rewrite, string reason)
    {
        await using var fake = await FakeAnthropicServer.StartAsync();
        fake.Respond(rewrite);
        await using var host = await StartWithModelAsync(fake);
        var contact = host.TextableContacts(1)[0];

        await EnrolExpiredOwnerAsync(host, contact.Id);

        host.Sandbox.State.SentMessages.ShouldHaveSingleItem().Body.ShouldNotBeNull().ShouldContain("Saw 12 Oak St left the market after 94 days. Still want to sell?");
        var touch = (await host.GetSequenceAsync(contact.Id)).GetProperty("touches")[0];
        touch.GetProperty("composed_by_model").ValueKind.ShouldBe(JsonValueKind.Null);
        (await host.WithDbAsync(db => db.LlmCalls.SingleAsync())).FallbackReason.ShouldBe(reason);
    }

    [Fact]
    public async Task ModelRewrite_TooSlow_SendsTheTemplateWithinTheTimeout()
    {
        await using var fake = await FakeAnthropicServer.StartAsync();
        fake.Respond(FakeAnthropicResponse.Text("Still hoping to sell 12 Oak St?").After(TimeSpan.FromSeconds(20)));
        await using var host = await StartWithModelAsync(fake);
        var contact = host.TextableContacts(1)[0];
        var started = System.Diagnostics.Stopwatch.StartNew();

        await EnrolExpiredOwnerAsync(host, contact.Id);

        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(8));
        host.Sandbox.State.SentMessages.ShouldHaveSingleItem().Body.ShouldNotBeNull().ShouldContain("left the market after 94 days");
        (await host.WithDbAsync(db => db.LlmCalls.SingleAsync())).FallbackReason.ShouldBe(LlmFallbackReasons.Timeout);
    }

    [Fact]
    public async Task StartUp_WithATemplateTypo_FailsNamingTheFileAndLine()
    {
        var directory = MessagingTestData.TemplatesWith(("direct/sms_2.liquid", "Following up.\nOpen to a call, {{ frist_name }}?"));

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddYamlFile(Path.Combine(AppContext.BaseDirectory, "config", "sdr_config.yaml"), optional: false, reloadOnChange: false);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["sdr:messaging:templates_dir"] = directory,
            ["Sdr:DataDirectory"] = Path.Combine(Path.GetTempPath(), "sdr-templates-test"),
        });
        builder.AddSdrSettings();
        builder.AddPersistence();
        builder.AddAi();
        builder.AddMessaging();
        using var host = builder.Build();

        var exception = await Should.ThrowAsync<Exception>(() => host.StartAsync());

        StartupFailure.Describe(exception).ShouldNotBeNull().ShouldContain(Path.Combine(directory, "direct", "sms_2.liquid") + ":2: unknown variable 'frist_name'");
    }

    private static async Task<SdrTestHost> StartWithModelAsync(FakeAnthropicServer fake) =>
        await SdrTestHost.StartAsync(TestDatabases.Sqlite, new Dictionary<string, string?>
        {
            [AnthropicApiKey.EnvironmentVariable] = FakeAnthropicServer.ApiKey,
            ["sdr:ai:base_url"] = fake.BaseUrl,
            ["sdr:ai:timeout_seconds"] = "2",
        });

    private static async Task<EnrollResult> EnrolExpiredOwnerAsync(SdrTestHost host, string contactId)
    {
        var listing = new ListingFacts("L-1", "expired_mls", "Expired", 410_000m, 450_000m, 430_000m, 94, "Residential", "12 Oak St", "Tampa", "FL", "33602", null, null);
        using var scope = host.Services.CreateScope();
        var enrollment = scope.ServiceProvider.GetRequiredService<SequenceEnrollment>();
        var result = await enrollment.EnrollAsync(new EnrollCommand([contactId], host.LocationId, null, "consultative", "expired_mls",
            new Dictionary<string, ProspectHints> { [contactId] = new(Listing: listing) }));

        // Enrolment only queues SMS_1: send it as the woken cadence worker would.
        await host.SendDueFirstTouchesAsync([contactId]);
        return result;
    }

    private static async Task<JsonElement> GetProspectAsync(SdrTestHost host, string contactId)
    {
        var response = await host.Client.GetAsync($"/sdr/prospects/{contactId}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
