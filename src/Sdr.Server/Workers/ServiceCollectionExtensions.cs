namespace Sdr.Server.Workers;

internal static class ServiceCollectionExtensions
{
    /// <summary>Migrations at start-up (Database:MigrateOnStart) the cadence worker (Sdr:CadenceWorker:Enabled) the webhook worker (Webhooks:ProcessingEnabled), the GHL outbox worker, the conversational message worker the A/B tests' config sync and guardrail (every instance) and the enrolment jobs (Sdr:EnrollmentWorker:Enabled).</summary>
    public static IHostApplicationBuilder AddWorkers(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<MigrationOnStart>();
        builder.Services.AddHostedService<CadenceWorker>();
        builder.Services.AddHostedService<WebhookWorker>();
        builder.Services.AddHostedService<OutboxWorker>();
        builder.Services.AddHostedService<OutboundMessageWorker>();
        builder.Services.AddHostedService<SqliteCheckpointer>();
        builder.Services.AddHostedService<AlertWorker>();
        builder.Services.AddHostedService<ExperimentWorker>();
        builder.Services.AddHostedService<EnrollmentJobWorker>();
        builder.Services.AddHostedService<ProspectingWorker>();

        return builder;
    }
}
