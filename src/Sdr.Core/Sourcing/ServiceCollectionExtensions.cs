using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sdr.Core.Configuration;
using Sdr.Core.Data;

namespace Sdr.Core.Sourcing;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Prospecting cycles (sdr:prospecting): the sources, the runner, the schedule and the checks of the section beyond
    /// its annotations. A listing feed is an <c>IListingCandidates</c> registered by the listings feature; without one,
    /// the listing sources report "no listing feed configured".
    /// </summary>
    public static IHostApplicationBuilder AddSourcing(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<ProspectingOptions>, ProspectingOptionsValidator>();
        services.TryAddSingleton<ProspectingCycleStore>();
        services.TryAddSingleton<ProspectingSignal>();
        services.TryAddSingleton<ProspectSourcer>();
        services.TryAddSingleton<ProspectingCycleRunner>();
        services.TryAddSingleton<ProspectingCycles>();
        services.TryAddSingleton<ProspectingSchedule>();
        return builder;
    }
}
