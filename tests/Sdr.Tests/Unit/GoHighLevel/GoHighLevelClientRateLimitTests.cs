using System.Net;

namespace Sdr.Tests.Unit.GoHighLevel;

public sealed class GoHighLevelClientRateLimitTests
{
    private static HttpResponseMessage Contact(params (string, string)[] headers) =>
        FakeGhlHandler.Json(HttpStatusCode.OK, """{"contact":{"id":"c1"}}""", headers);

    [Fact]
    public async Task RemainingZeroHoldsTheLocationForTheInterval()
    {
        using var harness = GhlTestHarness.Create(FakeGhlHandler.Sequence(
            () => Contact(("X-RateLimit-Remaining", "0"), ("X-RateLimit-Interval-Milliseconds", "5000"), ("X-RateLimit-Max", "100")),
            () => Contact()));
        await harness.Client.GetContactAsync(GhlTestHarness.LocationA, "c1");

        var held = harness.Client.GetContactAsync(GhlTestHarness.LocationA, "c1");
        var other = await harness.Client.GetContactAsync(GhlTestHarness.LocationB, "c1");
        await Task.Delay(100);

        other.ShouldNotBeNull();
        held.IsCompleted.ShouldBeFalse();
        harness.Handler.Count.ShouldBe(2);
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        (await held).ShouldNotBeNull();
        harness.Handler.Count.ShouldBe(3);
    }

    [Fact]
    public async Task TokenBucketWaitsPerLocationAndTheWaitIsCancellable()
    {
        using var harness = GhlTestHarness.Create(FakeGhlHandler.Sequence(() => Contact()), o =>
        {
            o.RequestsPerWindow = 1;
            o.Window = TimeSpan.FromHours(1);
        });
        await harness.Client.GetContactAsync(GhlTestHarness.LocationA, "c1");
        using var cts = new CancellationTokenSource();

        var waiting = harness.Client.GetContactAsync(GhlTestHarness.LocationA, "c1", cts.Token);
        (await harness.Client.GetContactAsync(GhlTestHarness.LocationB, "c1")).ShouldNotBeNull();
        await Task.Delay(100);

        waiting.IsCompleted.ShouldBeFalse();
        harness.Handler.Count.ShouldBe(2);
        await cts.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => waiting);
        harness.Handler.Count.ShouldBe(2);
    }
}
