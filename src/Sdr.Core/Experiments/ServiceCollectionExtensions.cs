using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sdr.Core.Configuration;

namespace Sdr.Core.Experiments;

public static class ServiceCollectionExtensions
{
    /// <summary>A/B tests of sequence variants (sdr:experiments): assignment, results, guardrail, config sync.</summary>
    public static IHostApplicationBuilder AddExperiments(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSdrOptions<ExperimentOptions>(ExperimentOptions.SectionName);
        services.AddSingleton<IValidateOptions<ExperimentOptions>, ExperimentOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ExperimentDraftValidator>();
        services.AddSingleton<ExperimentCatalog>();
        services.AddScoped<ExperimentAssigner>();
        services.AddScoped<ExperimentResultsReader>();
        services.AddScoped<ExperimentGuardrail>();
        services.AddScoped<ExperimentService>();
        services.AddScoped<ExperimentConfigSync>();
        return builder;
    }
}
