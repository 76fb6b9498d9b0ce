using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sdr.Core.GoHighLevel.Resilience;

namespace Sdr.Core.GoHighLevel;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IGoHighLevelClient"/> with its options ("Ghl" section, breaker settings overridden by
    /// sdr:performance:circuit_breaker_* when present), token provider, per-location rate limiter and circuit
    /// breakers. Hosts may redirect the client afterwards with
    /// <c>builder.Services.PostConfigure&lt;GhlOptions&gt;(o =&gt; { o.BaseUrl = ...; o.Locations = [...]; })</c>.
    /// </summary>
    public static IHostApplicationBuilder AddGoHighLevel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GhlOptions>()
            .Bind(builder.Configuration.GetSection(GhlOptions.SectionName))
            .Configure<IConfiguration>((options, configuration) => GhlProductConfigKeys.Apply(configuration, options))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhlOptions>, GhlOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILocationTokenProvider, OptionsLocationTokenProvider>();
        services.TryAddSingleton<GhlRateLimiter>();
        services.TryAddSingleton<GhlCircuitBreakerRegistry>();

        // RemoveAllResilienceHandlers is marked experimental, but it is the only way to opt out of host-wide handlers.
#pragma warning disable EXTEXP0001
        services.AddHttpClient<IGoHighLevelClient, GoHighLevelClient>(http =>
            {
                // Attempt timeouts are enforced per attempt by the client; the factory's 100 s total would cut retries short.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            // Host-wide defaults (e.g. a standard resilience handler) would retry sends the client deliberately does not repeat.
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return builder;
    }
}
