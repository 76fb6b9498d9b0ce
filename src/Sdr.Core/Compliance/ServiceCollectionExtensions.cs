using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Sdr.Core.Compliance.Hours;
using Sdr.Core.Configuration;

namespace Sdr.Core.Compliance;

public static class ServiceCollectionExtensions
{
    /// <summary>The stages every outbound touch passes before it is reserved and sent.</summary>
    public static IHostApplicationBuilder AddCompliance(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSdrOptions<HoursOptions>(HoursOptions.SectionName);
        services.TryAddSingleton<RecipientTimeZoneResolver>();
        services.TryAddSingleton<RecipientStateResolver>();
        services.TryAddSingleton<QuietHoursPolicy>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboundStage, HoursStage>());
        return builder;
    }
}
