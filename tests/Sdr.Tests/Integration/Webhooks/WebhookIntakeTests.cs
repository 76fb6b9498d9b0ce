using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data.Entities;
using Sdr.Sandbox;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Webhooks;

/// <summary>Bad, forged, stale, duplicated and replayed webhooks: each a clear answer, nothing stored as processed.</summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class WebhookIntakeTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SignedInboundMessage_IsStoredOnceAndProcessed_DuplicatesAndReplaysChangeNothing(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        var payload = InboundMessage(host, contact.Id, "Sounds good, tell me more", messageId: "msg-1");

        var first = await host.Sandbox.Webhooks.SendAsync(SdrTestHost.Webhook("reply"), payload);
        var again = await host.Sandbox.Webhooks.SendAsync(SdrTestHost.Webhook("reply"), payload);
        payload["webhookId"] = "another-delivery";
        var sameMessage = await host.Sandbox.Webhooks.SendAsync(SdrTestHost.Webhook("reply"), payload);
        await host.WaitForWebhooksAsync();

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Ack(first)).GetProperty("status").GetString().ShouldBe("accepted");
        (await Ack(again)).GetProperty("status").GetString().ShouldBe("duplicate");
        (await Ack(sameMessage)).GetProperty("status").GetString().ShouldBe("duplicate");
        var events = await host.WithDbAsync(db => db.WebhookEvents.ToListAsync());
        events.Count.ShouldBe(1);
        events[0].Status.ShouldBe(WebhookEventStatus.Processed);
        var sequence = await host.GetSequenceAsync(contact.Id);
        sequence.GetProperty("reply_count").GetInt32().ShouldBe(1);
        var reply = sequence.GetProperty("replies").EnumerateArray().Single();
        reply.GetProperty("category").GetString().ShouldBe("info_request");
        reply.GetProperty("decided_by").GetString().ShouldBe("patterns");
    }

    [Fact]
    public async Task ForgedUnsignedStaleAndMalformedWebhooks_AreRefusedAndNothingIsStored()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        var target = SdrTestHost.Webhook("reply");
        var webhooks = host.Sandbox.Webhooks;

        var forged = await webhooks.SendAsync(target, InboundMessage(host, contact.Id, "STOP"), new WebhookSendOptions(WebhookSignatureMode.Invalid));
        var unsigned = await webhooks.SendAsync(target, InboundMessage(host, contact.Id, "STOP"), new WebhookSendOptions(WebhookSignatureMode.None));
        var stalePayload = InboundMessage(host, contact.Id, "STOP");
        stalePayload["timestamp"] = host.Clock.GetUtcNow().AddMinutes(-6).ToString("O");
        var stale = await webhooks.SendAsync(target, stalePayload);
        var noTimestamp = await SendSignedAsync(host, target, """{"type":"InboundMessage","locationId":"L","contactId":"c1","body":"STOP","messageId":"m-x"}""");
        var malformed = await SendSignedAsync(host, target, """{"type":"InboundMessage", "locationId": """);
        var notAnObject = await SendSignedAsync(host, target, "[1,2,3]");
        var unknownType = await webhooks.SendAsync(target, new JsonObject { ["type"] = "InvoicePaid", ["locationId"] = host.LocationId, ["contactId"] = contact.Id });
        var wrongEndpoint = await webhooks.SendAsync(SdrTestHost.Webhook("booking-confirmed"), InboundMessage(host, contact.Id, "hi"));
        var noContact = await webhooks.SendAsync(target, new JsonObject { ["type"] = "InboundMessage", ["locationId"] = host.LocationId, ["body"] = "STOP" });
        var oversized = await webhooks.SendAsync(target, InboundMessage(host, contact.Id, new string('a', 300 * 1024)));
        using var form = new StringContent("body=STOP", Encoding.UTF8, "application/x-www-form-urlencoded");
        var wrongType = await host.Client.PostAsync(target, form);
        var wrongSecret = await webhooks.SendAsync(target, InboundMessage(host, contact.Id, "STOP"), new WebhookSendOptions(WebhookSignatureMode.None, "not-the-secret"));

        await ShouldBeProblem(forged, HttpStatusCode.Unauthorized, "signature");
        await ShouldBeProblem(unsigned, HttpStatusCode.Unauthorized, "x-ghl-signature");
        await ShouldBeProblem(stale, HttpStatusCode.Unauthorized, "timestamp");
        await ShouldBeProblem(noTimestamp, HttpStatusCode.BadRequest, "timestamp");
        await ShouldBeProblem(malformed, HttpStatusCode.BadRequest, "body");
        await ShouldBeProblem(notAnObject, HttpStatusCode.BadRequest, "body");
        await ShouldBeProblem(unknownType, HttpStatusCode.BadRequest, "type");
        await ShouldBeProblem(wrongEndpoint, HttpStatusCode.BadRequest, "type");
        await ShouldBeProblem(noContact, HttpStatusCode.BadRequest, "contactId");
        await ShouldBeProblem(oversized, HttpStatusCode.RequestEntityTooLarge, "body");
        await ShouldBeProblem(wrongType, HttpStatusCode.UnsupportedMediaType, "Content-Type");
        await ShouldBeProblem(wrongSecret, HttpStatusCode.Unauthorized, "signature");
        (await host.WithDbAsync(db => db.WebhookEvents.CountAsync())).ShouldBe(0);
        (await host.WithDbAsync(db => db.Suppressions.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task RsaSignatureAndSharedSecret_AreAccepted()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        var webhooks = host.Sandbox.Webhooks;

        var rsa = await webhooks.SendAsync(SdrTestHost.Webhook("reply"), InboundMessage(host, contact.Id, "hello", "m-rsa"), new WebhookSendOptions(WebhookSignatureMode.RsaOnly));
        var header = await webhooks.SendAsync(SdrTestHost.Webhook("reply"), InboundMessage(host, contact.Id, "hello", "m-secret"), new WebhookSendOptions(WebhookSignatureMode.None, SdrTestHost.WebhookSecret));
        var workflow = new JsonObject { ["contact_id"] = contact.Id, ["location"] = new JsonObject { ["id"] = host.LocationId }, ["customData"] = new JsonObject() };
        var query = await webhooks.SendAsync(new Uri($"http://localhost/sdr/webhook/opt-out?secret={SdrTestHost.WebhookSecret}"), workflow, new WebhookSendOptions(WebhookSignatureMode.None));

        rsa.StatusCode.ShouldBe(HttpStatusCode.OK);
        header.StatusCode.ShouldBe(HttpStatusCode.OK);
        query.StatusCode.ShouldBe(HttpStatusCode.OK, await query.Content.ReadAsStringAsync());
        await host.WaitForWebhooksAsync();
        (await host.WithDbAsync(db => db.WebhookEvents.CountAsync())).ShouldBe(3);
        (await host.WithDbAsync(db => db.Suppressions.CountAsync(s => s.ContactId == contact.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task UnknownLocationAndUnknownContact_AreRecordedAndIgnored()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        var elsewhere = InboundMessage(host, contact.Id, "STOP", "m-elsewhere");
        elsewhere["locationId"] = "not-our-location";

        (await host.Sandbox.Webhooks.SendAsync(SdrTestHost.Webhook("reply"), elsewhere)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.Sandbox.Webhooks.SendAsync(SdrTestHost.Webhook("reply"), InboundMessage(host, "nobody-we-know", "hello", "m-nobody"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await host.WaitForWebhooksAsync();

        var events = await host.WithDbAsync(db => db.WebhookEvents.OrderBy(e => e.Id).ToListAsync());
        events.Select(e => (e.Status, e.Outcome)).ShouldBe([(WebhookEventStatus.Ignored, "unknown location"), (WebhookEventStatus.Ignored, "contact not enrolled")]);
        (await host.WithDbAsync(db => db.Suppressions.CountAsync())).ShouldBe(0);
        host.Sandbox.State.SentMessages.ShouldBeEmpty();
    }

    [Fact]
    public async Task AnEventThatFailsToProcess_IsRetriedWithBackoff_ThenMarkedFailed_WithoutHoldingUpOthers()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var broken = await host.WithDbAsync(async db =>
        {
            var stored = new SdrWebhookEvent
            {
                DedupeKey = "wh:broken",
                Endpoint = "reply",
                EventType = "InboundMessage",
                LocationId = host.LocationId,
                ContactId = contact.Id,
                Payload = "{not json", // cannot be handled: every attempt throws
                Status = WebhookEventStatus.Pending,
                ReceivedAt = now,
                NextAttemptAt = now,
            };
            db.WebhookEvents.Add(stored);
            await db.SaveChangesAsync();
            return stored.Id;
        });
        (await host.Sandbox.Webhooks.SendAsync(SdrTestHost.Webhook("reply"), InboundMessage(host, contact.Id, "hello", "m-after"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await host.WaitForWebhooksAsync();
        var first = await host.WithDbAsync(db => db.WebhookEvents.SingleAsync(e => e.Id == broken));
        first.Status.ShouldBe(WebhookEventStatus.Pending);
        first.Attempts.ShouldBe(1);
        first.NextAttemptAt.ShouldBeGreaterThan(now);
        first.Error.ShouldNotBeNullOrWhiteSpace();
        (await host.WithDbAsync(db => db.WebhookEvents.SingleAsync(e => e.DedupeKey == "msg:m-after"))).Status.ShouldNotBe(WebhookEventStatus.Pending);

        for (var i = 0; i < 20 && (await host.WithDbAsync(db => db.WebhookEvents.SingleAsync(e => e.Id == broken))).Status == WebhookEventStatus.Pending; i++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(15));
            await host.WaitForWebhooksAsync();
        }

        var last = await host.WithDbAsync(db => db.WebhookEvents.SingleAsync(e => e.Id == broken));
        last.Status.ShouldBe(WebhookEventStatus.Failed);
        last.Attempts.ShouldBe(Sdr.Core.Webhooks.WebhookProcessor.MaxAttempts);
    }

    [Fact]
    public async Task BacklogOverTheLimit_Answers429SoGhlRetries()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite, new Dictionary<string, string?>
        {
            ["Webhooks:MaxBacklog"] = "2",
            ["Webhooks:ProcessingEnabled"] = "false",
        });
        var contact = host.TextableContacts(1)[0];

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            responses.Add(await host.Sandbox.Webhooks.SendAsync(SdrTestHost.Webhook("reply"), InboundMessage(host, contact.Id, "hello", $"m-{i}")));
        }

        responses.Take(2).ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        await ShouldBeProblem(responses[2], HttpStatusCode.TooManyRequests, "backlog");
        responses[2].Headers.RetryAfter.ShouldNotBeNull();
        (await host.WithDbAsync(db => db.WebhookEvents.CountAsync())).ShouldBe(2);
    }

    [Fact]
    public async Task IntakeOnlyReplica_AcceptsAgain_OnceAnotherInstanceHasProcessedTheBacklog()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite, new Dictionary<string, string?>
        {
            ["Webhooks:MaxBacklog"] = "2",
            ["Webhooks:ProcessingEnabled"] = "false",
        });
        var contact = host.TextableContacts(1)[0];
        for (var i = 0; i < 2; i++)
        {
            (await host.Sandbox.Webhooks.SendAsync(SdrTestHost.Webhook("reply"), InboundMessage(host, contact.Id, "hello", $"r-{i}"))).EnsureSuccessStatusCode();
        }

        (await host.Sandbox.Webhooks.SendAsync(SdrTestHost.Webhook("reply"), InboundMessage(host, contact.Id, "hello", "r-2"))).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        // The processing instance works through them; this replica's intake only ever added to its count.
        await host.WithDbAsync(db => db.WebhookEvents.ExecuteUpdateAsync(set => set.SetProperty(e => e.Status, WebhookEventStatus.Processed)));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        HttpResponseMessage retry;
        do
        {
            await Task.Delay(250);
            retry = await host.Sandbox.Webhooks.SendAsync(SdrTestHost.Webhook("reply"), InboundMessage(host, contact.Id, "hello", "r-2"));
        }
        while (retry.StatusCode == HttpStatusCode.TooManyRequests && DateTime.UtcNow < deadline);

        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.WithDbAsync(db => db.WebhookEvents.CountAsync())).ShouldBe(3);
    }

    internal static JsonObject InboundMessage(SdrTestHost host, string contactId, string body, string? messageId = null) => new()
    {
        ["type"] = "InboundMessage",
        ["locationId"] = host.LocationId,
        ["attachments"] = new JsonArray(),
        ["body"] = body,
        ["contactId"] = contactId,
        ["contentType"] = "text/plain",
        ["conversationId"] = "conv-" + contactId,
        ["dateAdded"] = host.Clock.GetUtcNow().ToString("O"),
        ["direction"] = "inbound",
        ["messageType"] = "SMS",
        ["status"] = "delivered",
        ["messageId"] = messageId ?? Guid.NewGuid().ToString("N"),
    };

    private static async Task<HttpResponseMessage> SendSignedAsync(SdrTestHost host, Uri target, string raw) =>
        await host.Sandbox.Webhooks.SendRawAsync(target, Encoding.UTF8.GetBytes(raw));

    private static async Task<JsonElement> Ack(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task ShouldBeProblem(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType.ShouldBe(new MediaTypeHeaderValue("application/problem+json"), text);
        JsonDocument.Parse(text).RootElement.TryGetProperty("field", out var named).ShouldBeTrue(text);
        named.GetString().ShouldBe(field, text);
    }
}
