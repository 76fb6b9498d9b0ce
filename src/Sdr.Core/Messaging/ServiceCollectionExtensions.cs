using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sdr.Core.Configuration;

namespace Sdr.Core.Messaging;

public static class ServiceCollectionExtensions
{
    /// <summary>Message templates (sdr:messaging) and the engine that fills them in.</summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSdrOptions<MessagingOptions>(MessagingOptions.SectionName);
        services.AddSingleton<PersonalizationEngine>();
        return builder;
    }
}
