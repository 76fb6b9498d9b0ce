using Sdr.Sandbox;

namespace Sdr.Server.Hosting;

/// <summary>
/// With no GHL token configured, the service hosts the GHL sandbox on a loopback port and points the
/// real GHL client at it over HTTP: the same code path as production, with simulated prospects.
/// </summary>
internal static partial class EmbeddedSandbox
{
    public static async Task AddEmbeddedSandboxIfNoTokenAsync(this IHostApplicationBuilder builder, CancellationToken cancellationToken)
    {
        var hasToken = builder.Configuration.GetSection("Ghl:Locations").GetChildren().Any(l => !string.IsNullOrWhiteSpace(l["Token"]));
        if (hasToken)
        {
            return;
        }

        var sandbox = await GhlSandbox.StartAsync(new SandboxOptions(), cancellationToken);
        var location = sandbox.State.Locations[0];
        var settings = new Dictionary<string, string?>
        {
            ["Ghl:BaseUrl"] = sandbox.BaseUrl.ToString(),
            ["Ghl:Locations:0:LocationId"] = location.LocationId,
            ["Ghl:Locations:0:Token"] = location.Token,
        };
        SetIfMissing(builder, settings, "SDR_WORKFLOW_VOICEMAIL_DROP", WorkflowNamed(sandbox, location, "Voicemail Drop"));
        SetIfMissing(builder, settings, "SDR_CALENDAR_ID", sandbox.State.Calendar(location.LocationId).Id);
        builder.Configuration.AddInMemoryCollection(settings);

        builder.Services.AddSingleton(sandbox);
        builder.Services.AddHostedService<SandboxLifetime>();
    }

    private static void SetIfMissing(IHostApplicationBuilder builder, Dictionary<string, string?> settings, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[key]))
        {
            settings[key] = value;
        }
    }

    private static string? WorkflowNamed(GhlSandbox sandbox, SandboxLocation location, string name) =>
        sandbox.State.Workflows(location.LocationId).FirstOrDefault(w => w.Name == name)?.Id;

    private sealed partial class SandboxLifetime(GhlSandbox sandbox, ILogger<SandboxLifetime> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            LogSandbox(logger, sandbox.BaseUrl);
            return Task.CompletedTask;
        }

        public async Task StopAsync(CancellationToken cancellationToken) => await sandbox.DisposeAsync();

        [LoggerMessage(Level = LogLevel.Warning, Message = "No GHL token configured: using the in-process GHL sandbox at {BaseUrl}. Set Ghl__Locations__0__LocationId and Ghl__Locations__0__Token to use a real location.")]
        private static partial void LogSandbox(ILogger logger, Uri baseUrl);
    }
}
