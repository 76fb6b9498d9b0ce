using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Sdr.Server.Dashboard;

namespace Sdr.Server.Endpoints;

internal static class EndpointRegistration
{
    public static IHostApplicationBuilder AddSdrApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        builder.Services.AddScoped<AdminApiKeyFilter>();
        builder.AddMetricsEndpoint();
        return builder;
    }

    public static WebApplication UseSdrApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    public static WebApplication MapSdrEndpoints(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapProspectsApi();
        app.MapSequencesApi();
        app.MapWebhooksApi();
        app.MapStatsApi();
        app.MapDashboard();
        app.MapAlertsApi();
        app.MapMetricsEndpoint();
        app.MapAbTestsApi();
        app.MapSourcingApi();
        return app;
    }
}
