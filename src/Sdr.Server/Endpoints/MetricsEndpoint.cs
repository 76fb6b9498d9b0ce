using System.Net;
using OpenTelemetry.Metrics;
using Sdr.Core.Alerts;

namespace Sdr.Server.Endpoints;

/// <summary>
/// <c>GET /metrics</c>: the Prometheus scrape of the alert figures (meter <see cref="AlertMetrics.MeterName"/>), on unless
/// <c>Sdr:Metrics:Enabled</c> is false. Protected like the admin API: with <c>Sdr:ApiKey</c> set, the key is required, as
/// <c>Authorization: Bearer &lt;key&gt;</c> (Prometheus' <c>authorization</c> setting) or <c>X-Api-Key</c>; without a key,
/// only loopback callers are answered.
/// </summary>
internal static class MetricsEndpoint
{
    public const string Path = "/metrics";
    public const string EnabledKey = "Sdr:Metrics:Enabled";

    public static IHostApplicationBuilder AddMetricsEndpoint(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue(EnabledKey, true))
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(AlertMetrics.MeterName).AddPrometheusExporter());
        }

        return builder;
    }

    public static WebApplication MapMetricsEndpoint(this WebApplication app)
    {
        if (!app.Configuration.GetValue(EnabledKey, true))
        {
            return app;
        }

        // The instruments exist from the start, so the first scrape already lists them.
        app.Services.GetRequiredService<AlertMetrics>();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), branch => branch.Use(RequireAccessAsync));
        app.MapPrometheusScrapingEndpoint(Path);
        return app;
    }

    private static async Task RequireAccessAsync(HttpContext context, Func<Task> next)
    {
        var expected = context.RequestServices.GetRequiredService<IConfiguration>()["Sdr:ApiKey"];
        IResult? refusal = null;
        if (string.IsNullOrEmpty(expected))
        {
            if (context.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
            {
                refusal = TypedResults.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "Metrics are loopback-only",
                    detail: "No Sdr__ApiKey is configured, so /metrics answers only local callers. Set Sdr__ApiKey and scrape with it as a bearer token.");
            }
        }
        else if (!AdminApiKeyFilter.FixedTimeEquals(GivenKey(context.Request), expected))
        {
            refusal = TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Missing or wrong API key",
                detail: $"Send the admin key as 'Authorization: Bearer <key>' or in the {AdminApiKeyFilter.HeaderName} header.");
        }

        if (refusal is null)
        {
            await next();
            return;
        }

        await refusal.ExecuteAsync(context);
    }

    private static string GivenKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim()
            : request.Headers[AdminApiKeyFilter.HeaderName].ToString();
    }
}
