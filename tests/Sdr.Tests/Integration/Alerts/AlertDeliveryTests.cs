using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Alerts;
using Sdr.Core.Data.Entities;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Alerts;

/// <summary>Notices across instances, a failing webhook, and the cool-down.</summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class AlertDeliveryTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TwoEvaluatorsOnOneDatabase_OpenOneAlert_AndNotifyOnce(string provider)
    {
        await using var hook = await FakeAlertWebhook.StartAsync();
        await using var host = await AlertTestHost.StartAsync(provider, hook, new Dictionary<string, string?> { ["sdr:alerts:webhook_backlog_max_events"] = "2" });
        var first = host.Services.GetRequiredService<SdrMetricsCollector>();
        var second = ActivatorUtilities.CreateInstance<SdrMetricsCollector>(host.Services);
        await AddPendingEventsAsync(host, 2);

        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(first.EvaluateAsync(CancellationToken.None), second.EvaluateAsync(CancellationToken.None));
        }

        (await host.AlertsAsync(AlertKind.WebhookBacklog)).ShouldHaveSingleItem().NoticeState.ShouldBe(AlertDelivery.Sent);
        hook.PostsOf(AlertKind.WebhookBacklog).Count.ShouldBe(1);

        await host.WithDbAsync(db => db.WebhookEvents.ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, WebhookEventStatus.Processed)));
        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(first.EvaluateAsync(CancellationToken.None), second.EvaluateAsync(CancellationToken.None));
        }

        (await host.AlertsAsync(AlertKind.WebhookBacklog)).ShouldHaveSingleItem().RecoveryState.ShouldBe(AlertDelivery.Sent);
        hook.PostsOf(AlertKind.WebhookBacklog).Select(p => p.GetProperty("alert").GetProperty("status").GetString()).ShouldBe(["open", "resolved"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task FailingWebhook_IsRetriedWithBackoff_AndTheAlertIsKept(string provider)
    {
        await using var hook = await FakeAlertWebhook.StartAsync();
        await using var host = await AlertTestHost.StartAsync(provider, hook, new Dictionary<string, string?>
        {
            ["sdr:alerts:webhook_backlog_max_events"] = "1",
            ["sdr:alerts:delivery_retry_seconds"] = "30",
        });
        hook.AnswerWith(HttpStatusCode.InternalServerError);
        await AddPendingEventsAsync(host, 1);

        var evaluation = await host.EvaluateAsync();

        evaluation.Opened.ShouldBe(1);
        evaluation.NoticesFailed.ShouldBe(1);
        var pending = (await host.AlertsAsync(AlertKind.WebhookBacklog)).ShouldHaveSingleItem();
        pending.NoticeState.ShouldBe(AlertDelivery.Pending);
        pending.DeliveryAttempts.ShouldBe(1);
        pending.LastDeliveryError.ShouldBe("HTTP 500");
        pending.NextDeliveryAt.ShouldBe(host.Now().AddSeconds(30));

        // Not before its backoff: the next evaluation leaves it alone.
        await host.EvaluateAsync();
        hook.Attempts.ShouldBe(1);

        host.Clock.Advance(TimeSpan.FromSeconds(30));
        await host.EvaluateAsync();
        hook.Attempts.ShouldBe(2);
        (await host.AlertsAsync(AlertKind.WebhookBacklog)).Single().NextDeliveryAt.ShouldBe(host.Now().AddSeconds(60));

        hook.AnswerWith(HttpStatusCode.OK);
        host.Clock.Advance(TimeSpan.FromSeconds(60));
        await host.EvaluateAsync();

        var sent = (await host.AlertsAsync(AlertKind.WebhookBacklog)).ShouldHaveSingleItem();
        sent.NoticeState.ShouldBe(AlertDelivery.Sent);
        sent.ResolvedAt.ShouldBeNull();
        hook.PostsOf(AlertKind.WebhookBacklog).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task UnreachableWebhook_GivesUpAfterTheLastAttempt_AndTheAlertStaysOpen()
    {
        string url;
        await using (var gone = await FakeAlertWebhook.StartAsync())
        {
            url = gone.Url;
        }

        await using var hook = await FakeAlertWebhook.StartAsync();
        await using var host = await AlertTestHost.StartAsync(TestDatabases.Sqlite, hook, new Dictionary<string, string?>
        {
            ["sdr:alerts:webhook_url"] = url,
            ["sdr:alerts:webhook_backlog_max_events"] = "1",
            ["sdr:alerts:delivery_max_attempts"] = "2",
            ["sdr:alerts:delivery_retry_seconds"] = "5",
        });
        await AddPendingEventsAsync(host, 1);

        await host.EvaluateAsync();
        host.Clock.Advance(TimeSpan.FromSeconds(5));
        var evaluation = await host.EvaluateAsync();

        evaluation.Open.ShouldBe(1);
        var alert = (await host.AlertsAsync(AlertKind.WebhookBacklog)).ShouldHaveSingleItem();
        alert.NoticeState.ShouldBe(AlertDelivery.Failed);
        alert.ResolvedAt.ShouldBeNull();
        alert.LastDeliveryError.ShouldNotBeNull().ShouldNotContain("secret-token");
    }

    [Fact]
    public async Task CoolDown_KeepsTheAlertOpenUntilTheConditionStaysClear()
    {
        await using var hook = await FakeAlertWebhook.StartAsync();
        await using var host = await AlertTestHost.StartAsync(TestDatabases.Sqlite, hook, new Dictionary<string, string?>
        {
            ["sdr:alerts:webhook_backlog_max_events"] = "1",
            ["sdr:alerts:cool_down_minutes"] = "5",
        });
        await AddPendingEventsAsync(host, 1);
        await host.EvaluateAsync();
        await host.WithDbAsync(db => db.WebhookEvents.ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, WebhookEventStatus.Processed)));

        await host.EvaluateAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(4));
        await host.EvaluateAsync();
        (await host.AlertsAsync(AlertKind.WebhookBacklog)).Single().ResolvedAt.ShouldBeNull();

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.EvaluateAsync();

        (await host.AlertsAsync(AlertKind.WebhookBacklog)).Single().ResolvedAt.ShouldBe(host.Now());
        hook.PostsOf(AlertKind.WebhookBacklog).Count.ShouldBe(2);
    }

    private static Task<int> AddPendingEventsAsync(SdrTestHost host, int count) => host.WithDbAsync(async db =>
    {
        for (var i = 0; i < count; i++)
        {
            db.WebhookEvents.Add(new SdrWebhookEvent
            {
                DedupeKey = $"msg:pending-{i}",
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
}
