using System.Text.Json;
using System.Text.Json.Serialization;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Sdr.Core.Configuration;
using Sdr.Core.Data;

namespace Sdr.Server;

/// <summary>Telemetry, health checks, JSON and error handling shared by every endpoint.</summary>
internal static class ServiceDefaults
{
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        // Traces and metrics are collected only when there is somewhere to send them: an activity per
        // GHL call costs real CPU at thousands of touches per second.
        if (TelemetryExport.IsEnabled(builder.Configuration))
        {
            builder.Services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation()
                    .AddSource(Sdr.Core.Ai.ServiceCollectionExtensions.TelemetrySourceName))
                .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation()
                    .AddMeter(Sdr.Core.Ai.ServiceCollectionExtensions.TelemetrySourceName))
                .UseOtlpExporter();
        }

        builder.Services.AddHealthChecks()
            .AddCheck("live", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy(), tags: ["live"])
            .AddDbContextCheck<SdrDbContext>("database", tags: ["ready"]);

        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<Endpoints.ProblemDetailsExceptionHandler>();
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return builder;
    }
}
