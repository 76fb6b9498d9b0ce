using Microsoft.Extensions.Options;
using Sdr.Core.Agent;
using Sdr.Core.Ai;
using Sdr.Core.Alerts;
using Sdr.Core.Booking;
using Sdr.Core.Compliance;
using Sdr.Core.Configuration;
using Sdr.Core.Data;
using Sdr.Core.GoHighLevel;
using Sdr.Core.Insight;
using Sdr.Core.Listings;
using Sdr.Core.Messaging;
using Sdr.Core.Outbox;
using Sdr.Core.Qualification;
using Sdr.Core.Replies;
using Sdr.Core.Security;
using Sdr.Core.Sequences;
using Sdr.Core.Sourcing;
using Sdr.Core.Webhooks;
using Sdr.Server.Dashboard;
using Sdr.Server.Endpoints;
using Sdr.Server.Hosting;
using Sdr.Server.Workers;

namespace Sdr.Server;

/// <summary>The composition root shared by the CLI verbs.</summary>
internal static class SdrApplication
{
    /// <param name="configure">Runs right after the configuration is loaded (e.g. <c>sdr simulate</c> adds its settings and its clock).</param>
    /// <param name="withWorkers">False for a host whose queues its caller works itself (<c>sdr simulate</c>).</param>
    public static WebApplication Build(string[] args, bool withSandbox = true, Action<WebApplicationBuilder>? configure = null, bool withWorkers = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        builder.AddSdrConfiguration(args);
        configure?.Invoke(builder);
        if (withSandbox)
        {
            EmbeddedSandbox.AddEmbeddedSandbox(builder);
        }

        builder.AddServiceDefaults();
        builder.AddFernetEncryption();
        builder.AddSdrSettings();
        builder.AddAi();
        builder.AddPersistence();
        builder.AddGoHighLevel();
        builder.AddMessaging();
        builder.AddReplies();
        builder.AddQualification();
        builder.AddCompliance();
        builder.AddBooking();
        builder.AddSequences();
        builder.AddListings();
        builder.AddSourcing();
        builder.AddWebhooks();
        builder.AddAgent();
        builder.AddOutbox();
        builder.AddSdrInsight();
        builder.AddAlerts();
        builder.AddSdrApi();
        builder.AddDashboard();
        if (withWorkers)
        {
            builder.AddWorkers();
        }

        var app = builder.Build();
        app.UseSdrApi();
        app.MapSdrEndpoints();
        return app;
    }

    /// <summary>
    /// What the host would check as it starts (every option's validation, the Fernet keys), checked before it
    /// starts, so that a bad setting reaches the console as one line rather than after the host's failure log.
    /// </summary>
    public static void CheckSettings(WebApplication app)
    {
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        app.Services.GetRequiredService<FernetKeyRing>();
    }

    public static void PrintBannerOnStart(WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
}
