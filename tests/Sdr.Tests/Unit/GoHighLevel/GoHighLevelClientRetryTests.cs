using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Sdr.Core.GoHighLevel;

namespace Sdr.Tests.Unit.GoHighLevel;

public sealed class GoHighLevelClientRetryTests
{
    private static readonly GhlOutboundMessage Sms = new(GhlMessageType.Sms, "c1", "private words");

    private static HttpResponseMessage Sent() =>
        FakeGhlHandler.Json(HttpStatusCode.OK, """{"conversationId":"cv1","messageId":"m1","status":"pending"}""");

    [Fact]
    public async Task SendThatGets429WaitsForRetryAfterThenIsRetried()
    {
        using var harness = GhlTestHarness.Create(FakeGhlHandler.Sequence(
            () => FakeGhlHandler.Json(HttpStatusCode.TooManyRequests, """{"statusCode":429,"message":"Too many requests"}""", ("Retry-After", "2")),
            Sent));

        var send = harness.Client.SendMessageAsync(GhlTestHarness.LocationA, Sms);
        await harness.WaitForRequestsAsync(1);
        await Task.Delay(50);
        send.IsCompleted.ShouldBeFalse();
        harness.Time.Advance(TimeSpan.FromSeconds(2));

        (await send).MessageId.ShouldBe("m1");
        harness.Handler.Count.ShouldBe(2);
    }

    [Fact]
    public async Task SendThatGets500IsNotRepeatedAndOutcomeIsUnknown()
    {
        using var harness = GhlTestHarness.Create(FakeGhlHandler.Sequence(
            () => FakeGhlHandler.Json(HttpStatusCode.InternalServerError, """{"statusCode":500,"message":"boom","traceId":"tr-500"}"""),
            Sent));

        var ex = await Should.ThrowAsync<GhlApiException>(() => harness.Client.SendMessageAsync(GhlTestHarness.LocationA, Sms));

        ex.OutcomeUnknown.ShouldBeTrue();
        ex.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        ex.Operation.ShouldBe("SendMessage");
        ex.TraceId.ShouldBe("tr-500");
        harness.Handler.Count.ShouldBe(1);
        harness.Logs.GetSnapshot().ShouldNotContain(l => l.Message.Contains("private words"));
    }

    [Fact]
    public async Task SendWhoseConnectionBrokeAfterSendingIsNotRepeated()
    {
        using var harness = GhlTestHarness.Create(new FakeGhlHandler((_, _) => throw new HttpRequestException(HttpRequestError.ResponseEnded, "ended")));

        var ex = await Should.ThrowAsync<GhlApiException>(() => harness.Client.SendMessageAsync(GhlTestHarness.LocationA, Sms));

        ex.OutcomeUnknown.ShouldBeTrue();
        ex.StatusCode.ShouldBeNull();
        harness.Handler.Count.ShouldBe(1);
    }

    [Fact]
    public async Task SendWhoseConnectionWasRefusedIsRetried()
    {
        using var harness = GhlTestHarness.Create(new FakeGhlHandler((_, index) => index == 0
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused))
            : Task.FromResult(Sent())));

        (await harness.Client.SendMessageAsync(GhlTestHarness.LocationA, Sms)).MessageId.ShouldBe("m1");
        harness.Handler.Count.ShouldBe(2);
    }

    [Fact]
    public async Task GetThatGets500IsRetriedUntilItSucceeds()
    {
        using var harness = GhlTestHarness.Create(FakeGhlHandler.Sequence(
            () => FakeGhlHandler.Json(HttpStatusCode.BadGateway, "<html>bad gateway</html>"),
            () => FakeGhlHandler.Json(HttpStatusCode.InternalServerError, "{}"),
            () => FakeGhlHandler.Json(HttpStatusCode.OK, """{"contact":{"id":"c1"}}""")));

        (await harness.Client.GetContactAsync(GhlTestHarness.LocationA, "c1")).ShouldNotBeNull();
        harness.Handler.Count.ShouldBe(3);
    }

    [Fact]
    public async Task GetIsRetriedAtMostThreeTimes()
    {
        using var harness = GhlTestHarness.Create(
            FakeGhlHandler.Sequence(() => FakeGhlHandler.Json(HttpStatusCode.ServiceUnavailable, "{}")),
            o => o.CircuitBreakerFailureThreshold = 10);

        var ex = await Should.ThrowAsync<GhlApiException>(() => harness.Client.GetContactAsync(GhlTestHarness.LocationA, "c1"));

        ex.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ex.OutcomeUnknown.ShouldBeFalse();
        harness.Handler.Count.ShouldBe(4);
    }

    [Fact]
    public async Task RejectedTokenIsNotRetriedAndSaysSoWithoutTheToken()
    {
        using var harness = GhlTestHarness.Create(FakeGhlHandler.Sequence(
            () => FakeGhlHandler.Json(HttpStatusCode.Unauthorized, """{"statusCode":401,"message":"Invalid JWT","error":"Unauthorized"}""")));

        var ex = await Should.ThrowAsync<GhlApiException>(() => harness.Client.AddTagsAsync(GhlTestHarness.LocationA, "c1", ["x"]));

        ex.IsUnauthorized.ShouldBeTrue();
        ex.Message.ShouldContain("GHL rejected the token for location loc-A");
        ex.Message.ShouldNotContain(GhlTestHarness.TokenA);
        harness.Handler.Count.ShouldBe(1);
        var errors = harness.Logs.GetSnapshot().Where(l => l.Level == LogLevel.Error).ToArray();
        errors.Length.ShouldBe(1);
        errors[0].Message.ShouldContain("GHL rejected the token for location loc-A");
        harness.Logs.GetSnapshot().ShouldNotContain(l => l.Message.Contains(GhlTestHarness.TokenA));
    }

    [Fact]
    public async Task ClientErrorSurfacesGhlTraceIdAndIsNotRetried()
    {
        using var harness = GhlTestHarness.Create(FakeGhlHandler.Sequence(
            () => FakeGhlHandler.Json((HttpStatusCode)422, """{"statusCode":422,"message":["startTime must be a valid ISO 8601 date string"],"error":"Unprocessable Entity","traceId":"9f1c-trace"}""")));
        var start = new DateTimeOffset(2026, 3, 3, 15, 0, 0, TimeSpan.Zero);

        var ex = await Should.ThrowAsync<GhlApiException>(() => harness.Client.CreateAppointmentAsync(GhlTestHarness.LocationA, new GhlAppointmentRequest("cal1", "c1", start)));

        ex.TraceId.ShouldBe("9f1c-trace");
        ex.StatusCode.ShouldBe((HttpStatusCode)422);
        ex.Operation.ShouldBe("CreateAppointment");
        ex.OutcomeUnknown.ShouldBeFalse();
        ex.Message.ShouldContain("startTime must be a valid ISO 8601 date string");
        harness.Handler.Count.ShouldBe(1);
    }
}
