using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Sdr.Core.Insight;

public static class ServiceCollectionExtensions
{
    /// <summary>The numbers: SdrPerformanceTracker (stats and the sequence funnel) over the stored rows.</summary>
    public static IHostApplicationBuilder AddSdrInsight(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddScoped<SdrPerformanceTracker>();
        return builder;
    }
}
