using System.Net;
using Microsoft.Extensions.Logging;
using Sdr.Core.GoHighLevel;
using Sdr.Core.GoHighLevel.Resilience;

namespace Sdr.Tests.Unit.GoHighLevel;

public sealed class GoHighLevelClientCircuitBreakerTests
{
    private static HttpResponseMessage Fail() => FakeGhlHandler.Json(HttpStatusCode.InternalServerError, "{}");

    private static HttpResponseMessage Contact() => FakeGhlHandler.Json(HttpStatusCode.OK, """{"contact":{"id":"c1"}}""");

    [Fact]
    public async Task OpensAfterThreeConsecutiveFailuresFailsFastThenHalfOpensAfterTheBreak()
    {
        var healthy = false;
        using var harness = GhlTestHarness.Create(new FakeGhlHandler((_, _) => Task.FromResult(healthy ? Contact() : Fail())), o => o.MaxRetries = 0);

        for (var i = 0; i < 3; i++)
        {
            await Should.ThrowAsync<GhlApiException>(() => harness.Client.GetContactAsync(GhlTestHarness.LocationA, "c1"));
        }

        harness.Breakers.GetState(GhlTestHarness.LocationA).ShouldBe(GhlCircuitState.Open);
        var fast = await Should.ThrowAsync<GhlApiException>(() => harness.Client.GetContactAsync(GhlTestHarness.LocationA, "c1"));
        fast.IsCircuitOpen.ShouldBeTrue();
        harness.Handler.Count.ShouldBe(3);
        harness.Logs.GetSnapshot().Count(l => l.Level == LogLevel.Error && l.Message.Contains("circuit breaker opened")).ShouldBe(1);

        harness.Time.Advance(TimeSpan.FromMinutes(30));
        harness.Breakers.GetState(GhlTestHarness.LocationA).ShouldBe(GhlCircuitState.HalfOpen);
        healthy = true;

        (await harness.Client.GetContactAsync(GhlTestHarness.LocationA, "c1")).ShouldNotBeNull();
        harness.Breakers.GetState(GhlTestHarness.LocationA).ShouldBe(GhlCircuitState.Closed);
    }

    [Fact]
    public async Task HalfOpenLetsASingleTrialThroughAndAFailedTrialReopens()
    {
        var release = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var harness = GhlTestHarness.Create(new FakeGhlHandler((_, index) => index < 3 ? Task.FromResult(Fail()) : release.Task), o => o.MaxRetries = 0);
        for (var i = 0; i < 3; i++)
        {
            await Should.ThrowAsync<GhlApiException>(() => harness.Client.GetContactAsync(GhlTestHarness.LocationA, "c1"));
        }

        harness.Time.Advance(TimeSpan.FromMinutes(30));
        var trial = harness.Client.GetContactAsync(GhlTestHarness.LocationA, "c1");
        await harness.WaitForRequestsAsync(4);

        var second = await Should.ThrowAsync<GhlApiException>(() => harness.Client.GetContactAsync(GhlTestHarness.LocationA, "c1"));
        second.IsCircuitOpen.ShouldBeTrue();
        release.SetResult(Fail());
        await Should.ThrowAsync<GhlApiException>(() => trial);

        harness.Breakers.GetState(GhlTestHarness.LocationA).ShouldBe(GhlCircuitState.Open);
        harness.Handler.Count.ShouldBe(4);
    }

    [Fact]
    public async Task ClientErrorsDoNotCountAsFailures()
    {
        using var harness = GhlTestHarness.Create(FakeGhlHandler.Sequence(() => FakeGhlHandler.Json(HttpStatusCode.BadRequest, """{"statusCode":400,"message":"bad"}""")));

        for (var i = 0; i < 5; i++)
        {
            await Should.ThrowAsync<GhlApiException>(() => harness.Client.AddNoteAsync(GhlTestHarness.LocationA, "c1", "note"));
        }

        harness.Breakers.GetState(GhlTestHarness.LocationA).ShouldBe(GhlCircuitState.Closed);
    }

    [Fact]
    public async Task BreakerIsPerLocation()
    {
        using var harness = GhlTestHarness.Create(
            new FakeGhlHandler((request, _) => Task.FromResult(request.Headers["Authorization"].EndsWith(GhlTestHarness.TokenA, StringComparison.Ordinal) ? Fail() : Contact())),
            o => o.MaxRetries = 0);
        for (var i = 0; i < 3; i++)
        {
            await Should.ThrowAsync<GhlApiException>(() => harness.Client.GetContactAsync(GhlTestHarness.LocationA, "c1"));
        }

        (await harness.Client.GetContactAsync(GhlTestHarness.LocationB, "c1")).ShouldNotBeNull();
        harness.Breakers.Snapshot().ShouldBe(new Dictionary<string, GhlCircuitState>
        {
            [GhlTestHarness.LocationA] = GhlCircuitState.Open,
            [GhlTestHarness.LocationB] = GhlCircuitState.Closed,
        }, ignoreOrder: true);
    }
}
