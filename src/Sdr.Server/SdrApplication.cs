using Sdr.Core.Data;
using Sdr.Core.GoHighLevel;
using Sdr.Core.Security;
using Sdr.Core.Sequences;
using Sdr.Server.Endpoints;
using Sdr.Server.Hosting;
using Sdr.Server.Workers;

namespace Sdr.Server;

/// <summary>The composition root shared by the CLI verbs.</summary>
internal static class SdrApplication
{
    public static async Task<WebApplication> BuildAsync(string[] args, CancellationToken cancellationToken, bool withSandbox = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        builder.AddSdrConfiguration(args);
        if (withSandbox)
        {
            await builder.AddEmbeddedSandboxIfNoTokenAsync(cancellationToken);
        }

        builder.AddServiceDefaults();
        builder.AddFernetEncryption();
        builder.AddPersistence();
        builder.AddGoHighLevel();
        builder.AddSequences();
        builder.AddSdrApi();
        builder.AddWorkers();

        var app = builder.Build();
        app.UseSdrApi();
        app.MapSdrEndpoints();
        return app;
    }

    public static Task PrepareAsync(WebApplication app, CancellationToken cancellationToken)
    {
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
        return Task.CompletedTask;
    }
}
