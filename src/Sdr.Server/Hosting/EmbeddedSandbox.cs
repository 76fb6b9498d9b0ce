using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Sdr.Core.Configuration;
using Sdr.Core.GoHighLevel;
using Sdr.Core.Listings;
using Sdr.Core.Webhooks;
using Sdr.Sandbox;
using Sdr.Sandbox.Reso;

namespace Sdr.Server.Hosting;

/// <summary>
/// With no GHL token configured, the service hosts the GHL sandbox on a loopback port and points the
/// real GHL client at it over HTTP: the same code path as production, with simulated prospects.
/// The decision is made on the final configuration, when the GHL options are first read.
/// </summary>
internal sealed partial class EmbeddedSandbox(IConfiguration configuration, ILogger<EmbeddedSandbox> logger) : IAsyncDisposable
{
    private const string SandboxResoClientSecretEnv = "SDR_SANDBOX_RESO_CLIENT_SECRET";
    private const string SandboxResoBearerEnv = "SDR_SANDBOX_RESO_TOKEN";

    private readonly Lazy<GhlSandbox?> _sandbox = new(() => StartIfNoToken(configuration, logger));

    /// <summary>The running sandbox, or null when a real GHL token is configured.</summary>
    public GhlSandbox? Sandbox => _sandbox.Value;

    public static IHostApplicationBuilder AddEmbeddedSandbox(IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EmbeddedSandbox>();
        builder.Services.AddHostedService<WebhookTargetOnStart>();
        builder.Services.AddOptions<GhlOptions>().PostConfigure<EmbeddedSandbox>((options, embedded) =>
        {
            if (embedded.Sandbox is { } sandbox)
            {
                var location = sandbox.State.Locations[0];
                options.BaseUrl = sandbox.BaseUrl.ToString();
                options.Locations = [new GhlLocationOptions { LocationId = location.LocationId, Token = location.Token }];
            }
        });
        builder.Services.AddOptions<GhlSettingsOptions>().PostConfigure<EmbeddedSandbox>((settings, embedded) =>
        {
            if (embedded.Sandbox is { } sandbox)
            {
                var location = sandbox.State.Locations[0].LocationId;
                settings.WorkflowVoicemailDrop ??= sandbox.State.Workflows(location).FirstOrDefault(w => w.Name == "Voicemail Drop")?.Id;
                settings.CalendarId ??= sandbox.State.Calendar(location).Id;
            }
        });
        builder.Services.AddOptions<ListingsOptions>().PostConfigure<EmbeddedSandbox>((options, embedded) =>
        {
            if (embedded.Sandbox is { } sandbox && options.Feeds.Count == 0)
            {
                // The sandbox's own RESO feed, through the same client as a real MLS: client credentials for the
                // expired listings, a static bearer token for the FSBO ones. Both are the sandbox's public test values.
                Environment.SetEnvironmentVariable(SandboxResoClientSecretEnv, SandboxResoFeed.ClientSecret);
                Environment.SetEnvironmentVariable(SandboxResoBearerEnv, SandboxResoFeed.BearerToken);
                var location = sandbox.State.Locations[0].LocationId;
                options.Feeds =
                [
                    new ListingFeedOptions
                    {
                        LocationId = location,
                        Source = ListingSources.ExpiredMls,
                        Url = sandbox.ResoPropertyUrl.ToString(),
                        TokenUrl = sandbox.ResoTokenUrl.ToString(),
                        ClientId = SandboxResoFeed.ClientId,
                        ClientSecretEnv = SandboxResoClientSecretEnv,
                        PageSize = 10,
                    },
                    new ListingFeedOptions
                    {
                        LocationId = location,
                        Source = ListingSources.Fsbo,
                        Url = sandbox.ResoPropertyUrl.ToString(),
                        BearerTokenEnv = SandboxResoBearerEnv,
                        Filter = SandboxResoFeed.FsboFilter,
                        PageSize = 10,
                    },
                ];
            }
        });
        builder.Services.AddOptions<ProspectingOptions>().PostConfigure<EmbeddedSandbox>((options, embedded) =>
        {
            if (embedded.Sandbox is { } sandbox && options.GhlPipelineStageIds.Count == 0)
            {
                // The sandbox pipeline's working stages, so one POST /sdr/prospects/source finds its open deals.
                var location = sandbox.State.Locations[0].LocationId;
                options.GhlPipelineStageIds = [.. sandbox.State.Pipelines(location).SelectMany(p => p.Stages)
                    .Where(stage => stage.Name is "New Lead" or "Contacted" or "Nurture")
                    .Select(stage => stage.Id)];
            }

            if (embedded.Sandbox is not null)
            {
                // The sandbox also serves a listing feed (above): a cycle with no sources named reads it too.
                options.Sources = [.. options.Sources.Union([ListingSources.ExpiredMls, ListingSources.Fsbo], StringComparer.Ordinal)];
            }
        });
        builder.Services.AddOptions<WebhookOptions>().PostConfigure<EmbeddedSandbox>((options, embedded) =>
        {
            if (embedded.Sandbox is { } sandbox)
            {
                // Webhooks signed by the sandbox verify, as GHL's would against GHL's published keys.
                options.Ed25519PublicKey = sandbox.Webhooks.Ed25519PublicKeyPem;
                options.RsaPublicKey = sandbox.Webhooks.RsaPublicKeyPem;
            }
        });
        return builder;
    }

    /// <summary>
    /// The product's webhook base on the first HTTP address it listens on (a wildcard host read as
    /// localhost), where the sandbox's personas post their answers; null when it listens on none.
    /// </summary>
    public static Uri? WebhookBase(IEnumerable<string> addresses)
    {
        var ordered = addresses.OrderBy(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? 1 : 0);
        foreach (var address in ordered)
        {
            var local = address.Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                .Replace("://[::]", "://localhost", StringComparison.Ordinal);
            if (Uri.TryCreate(local, UriKind.Absolute, out var uri))
            {
                return new Uri(uri, "/sdr/webhook/");
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_sandbox.IsValueCreated && _sandbox.Value is { } sandbox)
        {
            await sandbox.DisposeAsync();
        }
    }

    private static GhlSandbox? StartIfNoToken(IConfiguration configuration, ILogger logger)
    {
        var hasToken = configuration.GetSection("Ghl:Locations").GetChildren().Any(l => !string.IsNullOrWhiteSpace(l["Token"]));
        if (hasToken)
        {
            return null;
        }

        // Options are built synchronously; this runs once, at start-up, on a thread-pool thread.
        var sandbox = GhlSandbox.StartAsync(new SandboxOptions { PersonasEnabled = true }).GetAwaiter().GetResult();
        LogSandbox(logger, sandbox.BaseUrl);
        return sandbox;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox personas answer through {WebhookBase}")]
    private static partial void LogWebhookTarget(ILogger logger, Uri webhookBase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No GHL token configured: using the in-process GHL sandbox at {BaseUrl}. Set Ghl__Locations__0__LocationId and Ghl__Locations__0__Token to use a real location.")]
    private static partial void LogSandbox(ILogger logger, Uri baseUrl);

    /// <summary>Once the server listens, points the sandbox's persona answers and booking webhooks at it.</summary>
    private sealed class WebhookTargetOnStart(EmbeddedSandbox embedded, IServer server, IHostApplicationLifetime lifetime, ILogger<EmbeddedSandbox> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(() =>
            {
                if (embedded.Sandbox is { } sandbox
                    && WebhookBase(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []) is { } target)
                {
                    sandbox.WebhookTarget = new SandboxWebhookTarget(target);
                    LogWebhookTarget(logger, target);
                }
            });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
