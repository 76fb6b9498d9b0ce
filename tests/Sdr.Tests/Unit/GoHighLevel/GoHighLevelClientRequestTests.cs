using System.Net;
using System.Text.Json;
using Sdr.Core.GoHighLevel;

namespace Sdr.Tests.Unit.GoHighLevel;

public sealed class GoHighLevelClientRequestTests
{
    [Fact]
    public async Task ContactsCallsSendBearerTokenOfTheLocationAndContactsVersion()
    {
        using var harness = GhlTestHarness.Create(FakeGhlHandler.Sequence(() => FakeGhlHandler.Json(HttpStatusCode.OK, """{"contact":{"id":"c1"}}""")));

        await harness.Client.GetContactAsync(GhlTestHarness.LocationB, "c1");

        var request = harness.Handler.Requests.Single();
        request.Method.ShouldBe(HttpMethod.Get);
        request.Uri.ToString().ShouldBe("https://ghl.test/contacts/c1");
        request.Headers["Authorization"].ShouldBe("Bearer " + GhlTestHarness.TokenB);
        request.Headers["Version"].ShouldBe("2021-07-28");
        request.Headers["Accept"].ShouldBe("application/json");
    }

    [Fact]
    public async Task ConversationsAndCalendarsUseThe20210415Version()
    {
        using var harness = GhlTestHarness.Create(new FakeGhlHandler((request, _) => Task.FromResult(request.Uri.AbsolutePath switch
        {
            "/conversations/messages" => FakeGhlHandler.Json(HttpStatusCode.OK, """{"conversationId":"cv1","messageId":"m1","status":"pending"}"""),
            _ => FakeGhlHandler.Json(HttpStatusCode.OK, "{}"),
        })));

        await harness.Client.SendMessageAsync(GhlTestHarness.LocationA, new GhlOutboundMessage(GhlMessageType.Sms, "c1", "hi"));
        await harness.Client.GetFreeSlotsAsync(GhlTestHarness.LocationA, "cal1", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1));

        harness.Handler.Requests.ShouldAllBe(r => r.Headers["Version"] == "2021-04-15");
    }

    [Fact]
    public async Task OpportunitySearchUsesSnakeCaseQueryAndContactsVersion()
    {
        using var harness = GhlTestHarness.Create(FakeGhlHandler.Sequence(() => FakeGhlHandler.Json(HttpStatusCode.OK, """{"opportunities":[],"meta":{"total":0}}""")));

        await harness.Client.GetContactsByPipelineStageAsync(GhlTestHarness.LocationA, "stage-1", 25);

        var request = harness.Handler.Requests.Single();
        request.Uri.AbsolutePath.ShouldBe("/opportunities/search");
        request.Uri.Query.ShouldBe("?location_id=loc-A&pipeline_stage_id=stage-1&limit=25");
        request.Headers["Version"].ShouldBe("2021-07-28");
    }

    [Fact]
    public async Task SendSmsPostsTypeContactAndMessageOnly()
    {
        using var harness = GhlTestHarness.Create(FakeGhlHandler.Sequence(() => FakeGhlHandler.Json(HttpStatusCode.OK, """{"conversationId":"cv1","messageId":"m1","status":"pending"}""")));

        var result = await harness.Client.SendMessageAsync(GhlTestHarness.LocationA, new GhlOutboundMessage(GhlMessageType.Sms, "c1", "Hello"));

        result.ShouldBe(new GhlSendResult("m1", "cv1"));
        using var body = JsonDocument.Parse(harness.Handler.Requests.Single().Body!);
        body.RootElement.GetProperty("type").GetString().ShouldBe("SMS");
        body.RootElement.GetProperty("contactId").GetString().ShouldBe("c1");
        body.RootElement.GetProperty("message").GetString().ShouldBe("Hello");
        body.RootElement.TryGetProperty("subType", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task InactiveSearchPostsADateUpdatedRangeFilterAndPagesWithSearchAfter()
    {
        var first = string.Join(",", Enumerable.Range(0, 2).Select(i => $$"""{"id":"c{{i}}","searchAfter":[1700000000000,"c{{i}}"]}"""));
        using var harness = GhlTestHarness.Create(FakeGhlHandler.Sequence(
            () => FakeGhlHandler.Json(HttpStatusCode.OK, $$"""{"contacts":[{{first}}],"total":3}"""),
            () => FakeGhlHandler.Json(HttpStatusCode.OK, """{"contacts":[{"id":"c2"}],"total":3}""")));

        var contacts = await harness.Client.GetContactsInactiveSinceAsync(GhlTestHarness.LocationA, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), limit: 2);

        contacts.Select(c => c.Id).ShouldBe(["c0", "c1"]);
        using var body = JsonDocument.Parse(harness.Handler.Requests[0].Body!);
        body.RootElement.GetProperty("locationId").GetString().ShouldBe("loc-A");
        body.RootElement.GetProperty("pageLimit").GetInt32().ShouldBe(2);
        body.RootElement.GetProperty("page").GetInt32().ShouldBe(1);
        var filter = body.RootElement.GetProperty("filters")[0];
        filter.GetProperty("field").GetString().ShouldBe("dateUpdated");
        filter.GetProperty("operator").GetString().ShouldBe("range");
        filter.GetProperty("value").GetProperty("lt").GetString().ShouldBe("2026-01-01T00:00:00.000Z");
    }

    [Fact]
    public async Task UpsertSendsLocationInBodyAndAddsTagsSeparately()
    {
        using var harness = GhlTestHarness.Create(new FakeGhlHandler((request, _) => Task.FromResult(request.Uri.AbsolutePath == "/contacts/upsert"
            ? FakeGhlHandler.Json(HttpStatusCode.OK, """{"new":false,"contact":{"id":"c9","tags":["old"]}}""")
            : FakeGhlHandler.Json(HttpStatusCode.Created, """{"tags":["old","lead"]}"""))));

        var contact = await harness.Client.UpsertContactAsync(GhlTestHarness.LocationA, new GhlContactUpsert("Ann", "Lee", "+15550001111", null, Tags: ["lead"]));

        contact.Tags.ShouldBe(["old", "lead"]);
        var requests = harness.Handler.Requests;
        requests.Select(r => r.Uri.AbsolutePath).ShouldBe(["/contacts/upsert", "/contacts/c9/tags"]);
        using var upsert = JsonDocument.Parse(requests[0].Body!);
        upsert.RootElement.GetProperty("locationId").GetString().ShouldBe("loc-A");
        upsert.RootElement.TryGetProperty("tags", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task UnknownLocationFailsWithoutAnyHttpCall()
    {
        using var harness = GhlTestHarness.Create(FakeGhlHandler.Sequence(() => FakeGhlHandler.Json(HttpStatusCode.OK, "{}")));

        var ex = await Should.ThrowAsync<GhlApiException>(() => harness.Client.GetContactAsync("loc-unknown", "c1"));

        ex.Message.ShouldContain("no GHL token is configured for location loc-unknown");
        harness.Handler.Count.ShouldBe(0);
    }
}
