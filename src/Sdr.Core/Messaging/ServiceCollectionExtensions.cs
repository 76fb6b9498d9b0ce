using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sdr.Core.Configuration;
using Sdr.Core.Experiments;

namespace Sdr.Core.Messaging;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The templates of sdr:messaging:templates_dir (checked at start-up: a template that cannot be used stops it, naming
    /// the file and line), the engine that fills them in and the language model's rewrite (the sender settings,
    /// sdr:messaging, are shared: AddSdrSettings).
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<MessagingOptions>, MessageTemplatesValidator>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MessagingOptions>>().Value;
            return MessageTemplates.Load(options.ResolveTemplatesDir(), options.FallbackVariant);
        });
        services.AddSingleton<PersonalizationEngine>();
        services.AddSingleton<OutreachRewriter>();
        services.AddSingleton<IVariantTemplates, MessageTemplateVariants>();
        return builder;
    }
}
