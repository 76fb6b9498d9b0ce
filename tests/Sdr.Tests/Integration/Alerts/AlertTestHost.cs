using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Alerts;
using Sdr.Core.Data.Entities;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Alerts;

/// <summary>
/// The real server with its alert loop off (evaluations run when a test asks, on the fake clock), alerts posted to a
/// local webhook, no cool-down, and webhook processing off so stored events stay unprocessed.
/// </summary>
internal static class AlertTestHost
{
    public static async Task<SdrTestHost> StartAsync(string provider, FakeAlertWebhook hook, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["sdr:alerts:enabled"] = "false",
            ["sdr:alerts:cool_down_minutes"] = "0",
            ["sdr:alerts:webhook_url"] = hook.Url,
            ["Webhooks:ProcessingEnabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return await SdrTestHost.StartAsync(provider, all);
    }

    public static Task<AlertEvaluation> EvaluateAsync(this SdrTestHost host) =>
        host.Services.GetRequiredService<SdrMetricsCollector>().EvaluateAsync(CancellationToken.None);

    public static Task<List<SdrAlert>> AlertsAsync(this SdrTestHost host, AlertKind kind) =>
        host.WithDbAsync(db => db.Alerts.AsNoTracking().Where(a => a.Kind == kind).OrderBy(a => a.Id).ToListAsync());

    /// <summary>The posts the webhook took for alerts of <paramref name="kind"/>.</summary>
    public static List<JsonElement> PostsOf(this FakeAlertWebhook hook, AlertKind kind) =>
        [.. hook.Delivered.Where(p => p.GetProperty("alert").GetProperty("kind").GetString() == kind.ToName())];

    public static DateTime Now(this SdrTestHost host) => host.Clock.GetUtcNow().UtcDateTime;
}
