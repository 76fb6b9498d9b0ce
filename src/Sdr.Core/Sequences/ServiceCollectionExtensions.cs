using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sdr.Core.Compliance;
using Sdr.Core.Configuration;
using Sdr.Core.Messaging;

namespace Sdr.Core.Sequences;

public static class ServiceCollectionExtensions
{
    /// <summary>The cadence: options of sdr_config.yaml, the engine, the scheduler and the outbound pipeline.</summary>
    public static IHostApplicationBuilder AddSequences(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSdrOptions<SequenceOptions>(SequenceOptions.SectionName);
        services.AddSingleton<IValidateOptions<SequenceOptions>, SequenceOptionsValidator>();
        services.AddSdrOptions<RateLimitOptions>(RateLimitOptions.SectionName);
        services.AddSdrOptions<PerformanceOptions>(PerformanceOptions.SectionName);
        services.AddSdrOptions<ProspectingOptions>(ProspectingOptions.SectionName);
        services.AddSdrOptions<QualificationOptions>(QualificationOptions.SectionName);
        services.AddSdrOptions<MessagingOptions>(MessagingOptions.SectionName);
        services.AddOptions<GhlSettingsOptions>().Configure<Microsoft.Extensions.Configuration.IConfiguration>((options, configuration) => options.ReadFrom(configuration));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CadenceWindows>();
        services.AddSingleton<CadenceScheduler>();
        services.AddSingleton<SequenceEnrollment>();
        services.AddSingleton<PersonalizationEngine>();
        services.AddScoped<OutreachSequenceEngine>();
        services.AddScoped<TouchReconciler>();
        services.AddScoped<OutboundPipeline>();
        services.AddScoped<TouchReservations>();
        services.AddScoped<ChannelDispatcher>();
        services.AddScoped<SequenceQueries>();
        services.AddScoped<SequenceCommands>();
        return builder;
    }
}
