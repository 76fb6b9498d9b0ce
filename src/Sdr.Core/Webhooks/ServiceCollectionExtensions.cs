using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sdr.Core.Compliance.Consent;
using Sdr.Core.Configuration;
using Sdr.Core.Data;

namespace Sdr.Core.Webhooks;

public static class ServiceCollectionExtensions
{
    /// <summary>Webhook authentication, the durable inbox and its processor, and opt-out effects (the GHL actions they queue: <c>AddOutbox</c>).</summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSdrOptions<WebhookOptions>(WebhookOptions.SectionName);
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.TryAddSingleton<WebhookAuthenticator>();
        services.TryAddSingleton<WebhookBacklog>();
        services.TryAddSingleton<WebhookStore>();
        services.TryAddSingleton<WebhookInbox>();
        services.TryAddSingleton<WebhookProcessor>();
        services.TryAddSingleton<WebhookProcessingLease>();
        services.TryAddScoped<WebhookEventHandlers>();
        services.TryAddScoped<InboundMessageHandler>();
        services.TryAddScoped<ContactDndHandler>();
        services.TryAddScoped<AppointmentHandler>();
        services.TryAddScoped<OpportunityStageHandler>();
        services.TryAddScoped<OptOutService>();
        return builder;
    }
}
