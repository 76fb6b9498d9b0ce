using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sdr.Core.Configuration;
using Sdr.Core.Experiments;

namespace Sdr.Core.Messaging;

public static class ServiceCollectionExtensions
{
    /// <summary>The engine that fills message templates in (the sender settings, sdr:messaging, are shared: AddSdrSettings).</summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<PersonalizationEngine>();
        services.AddSingleton<IVariantTemplates, MessageTemplateVariants>();
        return builder;
    }
}
