using System.Diagnostics;
using Sdr.Core.GoHighLevel;
using Sdr.Sandbox;

namespace Sdr.Benchmarks;

/// <summary>
/// The product's own GHL client alone (rate limiter, circuit breaker, retry rules, outcome-unknown
/// handling, handlers of the named HttpClient) sending the same texts at the engine's concurrency:
/// the share of a touch that is the GHL call itself, without the engine around it.
/// </summary>
internal sealed class ClientBaseline(IGoHighLevelClient client, string locationId, IReadOnlyList<SandboxContact> contacts, int concurrency, int warmup)
{
    private const string Text = "Hi Maria, this is Alex with Harbor Realty. Are you still thinking about a move this year? I can send a quick value estimate. Reply STOP to opt out";

    public async Task<Measurement> RunAsync()
    {
        await SendAllAsync(contacts.Take(warmup).ToList());
        var usage = ResourceUsage.Start();
        var watch = Stopwatch.StartNew();
        await SendAllAsync(contacts);
        watch.Stop();
        return new Measurement("GHL client alone (typed client → sandbox)", contacts.Count, watch.Elapsed, usage.Stop());
    }

    private Task SendAllAsync(IReadOnlyList<SandboxContact> batch) =>
        Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (contact, ct) =>
            await client.SendMessageAsync(locationId, new GhlOutboundMessage(GhlMessageType.Sms, contact.Id, Text), ct));
}
