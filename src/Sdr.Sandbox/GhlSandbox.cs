using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sdr.Sandbox.Endpoints;
using Sdr.Sandbox.Http;
using Sdr.Sandbox.Personas;
using Sdr.Sandbox.Reso;
using Sdr.Sandbox.Seeding;

namespace Sdr.Sandbox;

public sealed class GhlSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SandboxEventDispatcher _events;

    private GhlSandbox(WebApplication app, Uri baseUrl, SandboxState state, SandboxWebhookSender webhooks, SandboxEventDispatcher events, SandboxResoFeed reso)
    {
        _app = app;
        _events = events;
        BaseUrl = baseUrl;
        State = state;
        Webhooks = webhooks;
        Reso = reso;
    }

    public Uri BaseUrl { get; }

    public SandboxState State { get; }

    public SandboxWebhookSender Webhooks { get; }

    /// <summary>The built-in RESO Web API feed of listings (not behind GHL's authentication or rate limit).</summary>
    public SandboxResoFeed Reso { get; }

    /// <summary>The RESO feed's OData Property resource.</summary>
    public Uri ResoPropertyUrl => new(BaseUrl, "reso/odata/Property");

    /// <summary>The RESO feed's OAuth2 token endpoint (client credentials).</summary>
    public Uri ResoTokenUrl => new(BaseUrl, "reso/oauth/token");

    /// <summary>
    /// Where persona answers and booked appointments are posted (starts as <see cref="SandboxOptions.WebhookTarget"/>);
    /// set it once the product's address is known. Null: the sandbox raises no webhooks on its own.
    /// </summary>
    public SandboxWebhookTarget? WebhookTarget
    {
        get => _events.Target;
        set => _events.Target = value;
    }

    /// <summary>With <see cref="SandboxOptions.DeliverEventsOnDemand"/>: when the next held webhook (a persona's answer, a booking) is due; null when none is held.</summary>
    public DateTimeOffset? NextEventDueAt => _events.NextDueAt;

    /// <summary>With <see cref="SandboxOptions.DeliverEventsOnDemand"/>: delivers every held webhook due by the sandbox's clock, one at a time in a repeatable order.</summary>
    public Task DeliverDueEventsAsync() => _events.DeliverDueAsync();

    public static async Task<GhlSandbox> StartAsync(SandboxOptions? options = null, CancellationToken ct = default)
    {
        options ??= new SandboxOptions();
        if (options.Locations.Count == 0)
        {
            throw new ArgumentException("At least one location is required.", nameof(options));
        }

        var state = SandboxSeeder.Build(options);
        var reso = SandboxResoSeeder.Seed(state, options);
        var webhooks = new SandboxWebhookSender(state, options.Seed);
        var events = new SandboxEventDispatcher(state, webhooks, options.WebhookTarget, options.DeliverEventsOnDemand);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(GhlSandbox).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(new RateLimiter(options));
        builder.Services.AddSingleton(events);
        builder.Services.AddSingleton(new PersonaResponder(state, events, webhooks, options));
        builder.Services.ConfigureHttpJsonOptions(json => SandboxJson.Configure(json.SerializerOptions));

        var app = builder.Build();
        // The RESO feed is another server's API: GHL's authentication, versions and rate limit do not apply to it.
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/reso"), ghl => ghl.UseMiddleware<SandboxMiddleware>());
        ResoEndpoints.Map(app, reso);
        ContactEndpoints.Map(app);
        ConversationEndpoints.Map(app);
        CalendarEndpoints.Map(app);
        OpportunityEndpoints.Map(app);
        WorkflowEndpoints.Map(app);
        LocationEndpoints.Map(app);
        PersonaEndpoints.Map(app);
        FallbackEndpoint.Map(app);

        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return new GhlSandbox(app, baseUrl, state, webhooks, events, reso);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _events.DisposeAsync();
        Webhooks.Dispose();
        await _app.DisposeAsync();
    }
}
