using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Sdr.Core.Data;

namespace Sdr.Core.Outbox;

public static class ServiceCollectionExtensions
{
    /// <summary>The GHL outbox: the queue written in the caller's unit of work, its store, and the runner that carries it out.</summary>
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OutboxStore>();
        services.TryAddSingleton<GhlActionRunner>();
        services.TryAddScoped<GhlActionQueue>();
        return builder;
    }
}
