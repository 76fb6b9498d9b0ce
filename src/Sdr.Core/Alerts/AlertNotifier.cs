using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Alerts;

/// <summary>
/// Posts an alert's notice to <c>sdr:alerts:webhook_url</c> as Slack-compatible JSON: <c>{"text": "..."}</c> for the
/// channel, and the same facts as fields under <c>"alert"</c> for anything else that reads it. One attempt per call;
/// retries are <see cref="SdrMetricsCollector"/>'s, recorded on the alert.
/// </summary>
public sealed class AlertNotifier(IHttpClientFactory httpClients, IOptionsMonitor<AlertsOptions> options)
{
    public const string HttpClientName = "Sdr.Alerts.Webhook";

    public bool IsConfigured => options.CurrentValue.Webhook is not null;

    /// <summary>Null when the webhook took the notice (2xx); otherwise why not (a status code or an exception's type, never the URL).</summary>
    public async Task<string?> PostAsync(SdrAlert alert, bool recovery, DateTime now, CancellationToken cancellationToken)
    {
        var url = options.CurrentValue.Webhook ?? throw new InvalidOperationException("No alert webhook is configured.");
        try
        {
            using var http = httpClients.CreateClient(HttpClientName);
            using var response = await http.PostAsJsonAsync(url, NoticeOf(alert, recovery, now), AlertJsonContext.Default.AlertNotice, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException exception)
        {
            return exception.StatusCode is { } status ? $"HTTP {(int)status}" : $"error: {exception.HttpRequestError}";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "timeout";
        }
    }

    public static AlertNotice NoticeOf(SdrAlert alert, bool recovery, DateTime now)
    {
        var status = recovery ? "resolved" : "open";
        var text = recovery
            ? string.Create(CultureInfo.InvariantCulture, $":white_check_mark: RESOLVED after {Duration((alert.ResolvedAt ?? now) - alert.OpenedAt)}: {alert.Summary}")
            : $"{(alert.Severity == AlertSeverity.Critical ? ":rotating_light: CRITICAL" : ":warning: WARNING")}: {alert.Summary}";
        return new AlertNotice(text, new AlertNoticeFields(
            alert.Id, alert.Key, alert.Kind.ToName(), alert.LocationId, alert.Severity.ToName(), status,
            alert.Summary, alert.LastValue, alert.Threshold, alert.OpenedAt, alert.ResolvedAt));
    }

    private static string Duration(TimeSpan span) => span.TotalMinutes < 1
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, span.TotalSeconds):0} s")
        : span.TotalHours < 2
            ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0} min")
            : string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} h");
}

/// <summary>The body of a notice: Slack shows <see cref="Text"/>; <see cref="Alert"/> holds the same facts as fields.</summary>
public sealed record AlertNotice(string Text, AlertNoticeFields Alert);

public sealed record AlertNoticeFields(
    long Id,
    string Key,
    string Kind,
    string? LocationId,
    string Severity,
    string Status,
    string Summary,
    double Value,
    double Threshold,
    DateTime OpenedAt,
    DateTime? ResolvedAt);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(AlertNotice))]
internal sealed partial class AlertJsonContext : JsonSerializerContext;
