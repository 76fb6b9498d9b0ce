using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Sdr.Core.Compliance.Caps;
using Sdr.Core.Compliance.Consent;
using Sdr.Core.Compliance.Conversations;
using Sdr.Core.Compliance.Hours;
using Sdr.Core.Configuration;
using Sdr.Core.Data;
using StackExchange.Redis;

namespace Sdr.Core.Compliance;

public static class ServiceCollectionExtensions
{
    /// <summary>The outbound pipeline: the stages every outbound touch and conversational message passes before it is reserved and sent.</summary>
    public static IHostApplicationBuilder AddCompliance(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<OutboundPipeline>();
        services.AddScoped<TouchReservations>();
        services.AddScoped<ChannelDispatcher>();
        services.AddSdrOptions<HoursOptions>(HoursOptions.SectionName);
        services.TryAddSingleton<RecipientTimeZoneResolver>();
        services.TryAddSingleton<RecipientStateResolver>();
        services.TryAddSingleton<QuietHoursPolicy>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IOutboundStage, ConsentStage>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboundStage, HoursStage>());

        // Counters live in Redis when Redis__Configuration is set (shared by every instance), else in the database.
        services.AddSdrOptions<CapsOptions>(CapsOptions.SectionName);
        services.TryAddSingleton<IConnectionMultiplexer>(sp => ConnectionMultiplexer.Connect(RedisConfiguration(sp)!));
        services.TryAddScoped<ICapCounter>(sp => RedisConfiguration(sp) is null
            ? ActivatorUtilities.CreateInstance<DatabaseCapCounter>(sp)
            : new RedisCapCounter(sp.GetRequiredService<IConnectionMultiplexer>()));
        services.TryAddScoped<IRollingWindowCounter>(sp => RedisConfiguration(sp) is null
            ? ActivatorUtilities.CreateInstance<DatabaseRollingWindowCounter>(sp)
            : new RedisRollingWindowCounter(sp.GetRequiredService<IConnectionMultiplexer>()));
        services.TryAddScoped<TouchLedgerDailyCap>();

        // The per-contact daily cap: from the touches themselves where the counter would be a database row on SQLite.
        services.TryAddScoped<IContactDailyCap>(sp => RedisConfiguration(sp) is null && sp.GetRequiredService<CadenceStore>().CountsDailyCapFromTouches
            ? sp.GetRequiredService<TouchLedgerDailyCap>()
            : new CounterContactDailyCap(sp.GetRequiredService<ICapCounter>()));
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IOutboundStage, CapsStage>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboundStage, ContentStage>());
        services.TryAddScoped<EnrollmentThrottle>();
        services.TryAddScoped<DoNotCallImport>();
        builder.AddConversations();
        return builder;
    }

    private static string? RedisConfiguration(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>()["Redis:Configuration"] is { Length: > 0 } configuration ? configuration : null;
}
