using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sdr.Core.Data.Entities;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Alerts;

/// <summary><c>GET /sdr/alerts</c>: filters, paging by limit, validation, admin key.</summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class AlertsApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ListAlerts_FiltersByStatusAndLocation_NewestFirst(string provider)
    {
        await using var hook = await FakeAlertWebhook.StartAsync();
        await using var host = await AlertTestHost.StartAsync(provider, hook);
        var now = host.Now();
        await host.WithDbAsync(async db =>
        {
            db.Alerts.AddRange(
                Alert(AlertKind.CircuitOpen, host.LocationId, now.AddHours(-3), resolvedAt: now.AddHours(-2)),
                Alert(AlertKind.SmsCapReached, host.LocationId, now.AddHours(-1)),
                Alert(AlertKind.WebhookBacklog, null, now.AddMinutes(-5)),
                Alert(AlertKind.GhlQueueStuck, "other-location", now.AddMinutes(-1)));
            return await db.SaveChangesAsync();
        });

        var open = await ListAsync(host, "");
        var resolved = await ListAsync(host, "?status=resolved");
        var all = await ListAsync(host, "?status=all");
        var location = await ListAsync(host, $"?status=all&location_id={host.LocationId}");
        var newest = await ListAsync(host, "?status=all&limit=1");

        Kinds(open).ShouldBe(["ghl_queue_stuck", "webhook_backlog", "sms_cap_reached"]);
        Kinds(resolved).ShouldBe(["circuit_open"]);
        all.GetProperty("count").GetInt32().ShouldBe(4);
        Kinds(location).ShouldBe(["sms_cap_reached", "circuit_open"]);
        Kinds(newest).ShouldBe(["ghl_queue_stuck"]);
        var first = resolved.GetProperty("alerts")[0];
        first.GetProperty("status").GetString().ShouldBe("resolved");
        first.GetProperty("location_id").GetString().ShouldBe(host.LocationId);
        first.GetProperty("severity").GetString().ShouldBe("critical");
        first.GetProperty("notified").GetString().ShouldBe("sent");
        first.GetProperty("recovery_notified").GetString().ShouldBe("sent");
        first.GetProperty("opened_at").GetDateTime().ShouldBe(now.AddHours(-3));
    }

    [Theory]
    [InlineData("?status=closed", "status")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=1001", "limit")]
    [InlineData("?limit=ten", "limit")]
    [InlineData("?location_id=no%20spaces", "location_id")]
    public async Task ListAlerts_BadQuery_Is400NamingTheField(string query, string field)
    {
        await using var hook = await FakeAlertWebhook.StartAsync();
        await using var host = await AlertTestHost.StartAsync(TestDatabases.Sqlite, hook);

        var response = await host.Client.GetAsync("/sdr/alerts" + query);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task ListAlerts_WithAnAdminKeyConfigured_RequiresIt()
    {
        await using var hook = await FakeAlertWebhook.StartAsync();
        await using var host = await AlertTestHost.StartAsync(TestDatabases.Sqlite, hook, new Dictionary<string, string?> { ["Sdr:ApiKey"] = "alerts-admin-key" });

        var anonymous = await host.Client.GetAsync("/sdr/alerts");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sdr/alerts");
        request.Headers.Add("X-Api-Key", "alerts-admin-key");
        var keyed = await host.Client.SendAsync(request);

        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        keyed.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<JsonElement> ListAsync(SdrTestHost host, string query)
    {
        var response = await host.Client.GetAsync("/sdr/alerts" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string?[] Kinds(JsonElement list) =>
        [.. list.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("kind").GetString())];

    private static SdrAlert Alert(AlertKind kind, string? locationId, DateTime openedAt, DateTime? resolvedAt = null) => new()
    {
        Key = SdrAlert.KeyOf(kind, locationId),
        Kind = kind,
        LocationId = locationId,
        Severity = kind is AlertKind.CircuitOpen or AlertKind.WebhookBacklog ? AlertSeverity.Critical : AlertSeverity.Warning,
        Summary = $"{kind.ToName()} seen",
        OpenedAt = openedAt,
        ResolvedAt = resolvedAt,
        LastEvaluatedAt = resolvedAt ?? openedAt,
        NoticeState = AlertDelivery.Sent,
        RecoveryState = resolvedAt is null ? null : AlertDelivery.Sent,
    };
}
