namespace Sdr.Server.Workers;

internal static class ServiceCollectionExtensions
{
    /// <summary>Migrations at start-up (Database:MigrateOnStart) and the cadence worker (Sdr:CadenceWorker:Enabled).</summary>
    public static IHostApplicationBuilder AddWorkers(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<MigrationOnStart>();
        builder.Services.AddHostedService<CadenceWorker>();

        return builder;
    }
}
