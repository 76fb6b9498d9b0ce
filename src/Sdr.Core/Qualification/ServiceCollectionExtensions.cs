using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Sdr.Core.Configuration;

namespace Sdr.Core.Qualification;

public static class ServiceCollectionExtensions
{
    /// <summary>The LeadIntentDecoder and QualificationGate and their settings (sdr:qualification).</summary>
    public static IHostApplicationBuilder AddQualification(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSdrOptions<QualificationOptions>(QualificationOptions.SectionName);
        services.TryAddSingleton<LeadIntentDecoder>();
        services.TryAddSingleton<QualificationGate>();
        return builder;
    }
}
