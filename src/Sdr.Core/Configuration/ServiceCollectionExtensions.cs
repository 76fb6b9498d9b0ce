using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Sdr.Core.Configuration;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The sections of config/sdr_config.yaml that several features read (rate limits, performance,
    /// prospecting, the sender named in messages) and the seed's SDR_* GHL settings. A feature's own section is
    /// registered by that feature's <c>AddXxx</c>.
    /// </summary>
    public static IHostApplicationBuilder AddSdrSettings(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSdrOptions<RateLimitOptions>(RateLimitOptions.SectionName);
        services.AddSdrOptions<PerformanceOptions>(PerformanceOptions.SectionName);
        services.AddSdrOptions<ProspectingOptions>(ProspectingOptions.SectionName);
        services.AddSdrOptions<MessagingOptions>(MessagingOptions.SectionName);
        services.AddOptions<GhlSettingsOptions>().Configure<IConfiguration>((options, configuration) => options.ReadFrom(configuration));
        return builder;
    }
}
