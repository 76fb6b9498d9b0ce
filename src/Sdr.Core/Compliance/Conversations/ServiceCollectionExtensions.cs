using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Sdr.Core.Data;

namespace Sdr.Core.Compliance.Conversations;

public static class ServiceCollectionExtensions
{
    /// <summary>Conversational messages: the queue written in the caller's unit of work, its store, and the runner that sends them through the outbound stages.</summary>
    public static IHostApplicationBuilder AddConversations(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton<OutboundMessageSignal>();
        services.TryAddScoped<OutboundMessageStore>();
        services.TryAddSingleton<OutboundMessageRunner>();
        services.TryAddScoped<OutboundMessageQueue>();
        return builder;
    }
}
