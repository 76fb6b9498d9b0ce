using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Sdr.Core.Configuration;
using Sdr.Core.Data;

namespace Sdr.Core.Alerts;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Alerts and their metrics (sdr:alerts; the webhook URL from SDR_ALERT_WEBHOOK_URL when set): the conditions, the
    /// evaluation (<see cref="SdrMetricsCollector"/>, which a hosted worker runs every evaluation_interval_seconds), the
    /// webhook client, the list of alerts (<see cref="AlertQueries"/>) and the instruments of <see cref="AlertMetrics.MeterName"/>.
    /// </summary>
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSdrOptions<AlertsOptions>(AlertsOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
            {
                if (configuration[AlertsOptions.WebhookUrlVariable] is { Length: > 0 } url && !string.IsNullOrWhiteSpace(url))
                {
                    options.WebhookUrl = url.Trim();
                }
            });

        // RemoveAllResilienceHandlers is marked experimental, but it is the only way to opt out of host-wide handlers.
#pragma warning disable EXTEXP0001
        services.AddHttpClient(AlertNotifier.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(10))
            // A failed post is retried on later evaluations with backoff, recorded on the alert; an in-call retry would only delay the others.
            .RemoveAllResilienceHandlers()
            // The URL of a Slack webhook is its secret: the factory's request logs would print it.
            .RemoveAllLoggers();
#pragma warning restore EXTEXP0001

        services.TryAddSingleton<AlertStore>();
        services.TryAddSingleton<AlertConditions>();
        services.TryAddSingleton<AlertNotifier>();
        services.TryAddSingleton<SdrMetricsCollector>();
        services.TryAddSingleton<AlertMetrics>();
        services.TryAddScoped<AlertQueries>();
        return builder;
    }
}
