using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sdr.Core.Configuration;
using Sdr.Core.GoHighLevel.Resilience;

namespace Sdr.Core.GoHighLevel;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IGoHighLevelClient"/> with its options ("Ghl" section; the breaker's threshold and
    /// retry delay come from <see cref="PerformanceOptions"/>, sdr:performance:circuit_breaker_*), token provider,
    /// per-location rate limiter and circuit breakers. Hosts may redirect the client afterwards with
    /// <c>builder.Services.PostConfigure&lt;GhlOptions&gt;(o =&gt; { o.BaseUrl = ...; o.Locations = [...]; })</c>.
    /// </summary>
    public static IHostApplicationBuilder AddGoHighLevel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var exportsTelemetry = TelemetryExport.IsEnabled(builder.Configuration);
        services.AddOptions<GhlOptions>()
            .BindConfiguration(GhlOptions.SectionName)
            .Configure<IOptions<PerformanceOptions>>((options, performance) =>
            {
                options.CircuitBreakerFailureThreshold = performance.Value.CircuitBreakerFailureThreshold;
                options.CircuitBreakerBreakDuration = performance.Value.CircuitBreakerRetryDelay;
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhlOptions>, GhlOptionsValidator>());

        services.TryAddSingleton(new GhlClock(TimeProvider.System));
        services.TryAddSingleton<ILocationTokenProvider, OptionsLocationTokenProvider>();
        services.TryAddSingleton(sp => new GhlRateLimiter(sp.GetRequiredService<IOptions<GhlOptions>>(), sp.GetRequiredService<GhlClock>().Time));
        services.TryAddSingleton(sp => new GhlCircuitBreakerRegistry(sp.GetRequiredService<GhlClock>().Time, sp.GetRequiredService<ILogger<GhlCircuitBreakerRegistry>>()));

        // RemoveAllResilienceHandlers is marked experimental, but it is the only way to opt out of host-wide handlers.
#pragma warning disable EXTEXP0001
        services.AddHttpClient<IGoHighLevelClient, GoHighLevelClient>(http =>
            {
                // Attempt timeouts are enforced per attempt by the client; the factory's 100 s total would cut retries short.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            // Host-wide defaults (e.g. a standard resilience handler) would retry sends the client deliberately does not repeat.
            .RemoveAllResilienceHandlers()
            // The client logs each failure itself (without bodies or tokens); the factory's per-request
            // log lines cost CPU at thousands of touches per second and add nothing.
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = System.Net.DecompressionMethods.All,

                // Inside a request (POST /sdr/sequences/process-batch) every GHL call made a child activity
                // and sent GHL our trace headers, for a trace nobody collects: 1.4 KB and a lock per touch.
                // With no propagator the handler makes neither; with telemetry exported the calls are traced.
                ActivityHeadersPropagator = exportsTelemetry ? DistributedContextPropagator.Current : null,
            })
            .AddTypedClient<IGoHighLevelClient>((http, sp) => new GoHighLevelClient(
                http,
                sp.GetRequiredService<IOptionsMonitor<GhlOptions>>(),
                sp.GetRequiredService<ILocationTokenProvider>(),
                sp.GetRequiredService<GhlRateLimiter>(),
                sp.GetRequiredService<GhlCircuitBreakerRegistry>(),
                sp.GetRequiredService<GhlClock>().Time,
                sp.GetRequiredService<ILogger<GoHighLevelClient>>()));
#pragma warning restore EXTEXP0001
        return builder;
    }
}
