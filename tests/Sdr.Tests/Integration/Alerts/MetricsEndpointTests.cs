using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Data.Entities;
using Sdr.Core.GoHighLevel.Resilience;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Alerts;

/// <summary>
/// <c>GET /metrics</c>: Prometheus text with the alert figures, behind the admin key. Run alone: OpenTelemetry's
/// listener subscribes to every <c>Sdr.Alerts</c> meter in the process, so another test host evaluating alerts at the
/// same moment reports into the same gauges and its figures can replace this host's in the scrape.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Database)]
[Collection(MetricsScrapeCollection.Name)]
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_AnswerPrometheusText_WithTheAlertFigures()
    {
        await using var hook = await FakeAlertWebhook.StartAsync();
        await using var host = await AlertTestHost.StartAsync(TestDatabases.Sqlite, hook, new Dictionary<string, string?> { ["sdr:alerts:webhook_backlog_max_events"] = "2" });
        host.Services.GetRequiredService<GhlCircuitBreakerRegistry>().For(host.LocationId).RecordFailure(1, TimeSpan.FromHours(1));
        await host.WithDbAsync(async db =>
        {
            for (var i = 0; i < 2; i++)
            {
                db.WebhookEvents.Add(new SdrWebhookEvent
                {
                    DedupeKey = $"msg:metrics-{i}",
                    Endpoint = "reply",
                    EventType = "InboundMessage",
                    LocationId = host.LocationId,
                    ReceivedAt = host.Now(),
                    NextAttemptAt = host.Now(),
                    Status = WebhookEventStatus.Pending,
                });
            }

            return await db.SaveChangesAsync();
        });
        await host.EvaluateAsync();

        var response = await host.Client.GetAsync("/metrics");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        var text = await response.Content.ReadAsStringAsync();
        var lines = text.Split('\n');
        lines.ShouldContain(l => l.StartsWith("sdr_webhooks_backlog") && l.EndsWith(" 2"));
        lines.ShouldContain(l => l.StartsWith("sdr_alerts_open") && l.Contains("kind=\"webhook_backlog\"") && l.EndsWith(" 1"));
        lines.ShouldContain(l => l.StartsWith("sdr_alerts_open") && l.Contains("kind=\"circuit_open\"") && l.EndsWith(" 1"));
        lines.ShouldContain(l => l.StartsWith("sdr_ghl_circuit_state") && l.Contains($"location_id=\"{host.LocationId}\"") && l.EndsWith(" 2"));
        text.ShouldContain("sdr_webhooks_backlog_oldest_age");
        text.ShouldContain("sdr_llm_failures");
    }

    [Fact]
    public async Task Metrics_WithAnAdminKeyConfigured_TakeItAsABearerToken()
    {
        await using var hook = await FakeAlertWebhook.StartAsync();
        await using var host = await AlertTestHost.StartAsync(TestDatabases.Sqlite, hook, new Dictionary<string, string?> { ["Sdr:ApiKey"] = "scrape-key" });

        var anonymous = await host.Client.GetAsync("/metrics");
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "nope") } };
        using var right = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "scrape-key") } };

        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await host.Client.SendAsync(wrong)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await host.Client.SendAsync(right)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Metrics_SwitchedOff_AreNotServed()
    {
        await using var hook = await FakeAlertWebhook.StartAsync();
        await using var host = await AlertTestHost.StartAsync(TestDatabases.Sqlite, hook, new Dictionary<string, string?> { ["Sdr:Metrics:Enabled"] = "false" });

        (await host.Client.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

/// <summary>Tests that read <c>/metrics</c> figures run after the parallel ones, with no other host alive.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsScrapeCollection
{
    public const string Name = "metrics-scrape";
}
