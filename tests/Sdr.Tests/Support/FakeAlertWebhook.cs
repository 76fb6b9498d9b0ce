using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sdr.Tests.Support;

/// <summary>
/// A local stand-in for a Slack incoming webhook over real HTTP (Kestrel on a loopback port): records every POST's JSON
/// body and answers with the status the test sets (200 by default, like Slack).
/// <code>
/// await using var hook = await FakeAlertWebhook.StartAsync();
/// settings["sdr:alerts:webhook_url"] = hook.Url;
/// </code>
/// </summary>
public sealed class FakeAlertWebhook : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonElement> _posts = new();
    private volatile int _status = StatusCodes.Status200OK;
    private int _attempts;

    private FakeAlertWebhook(WebApplication app) => _app = app;

    /// <summary>The URL to configure (with a secret-looking path, as Slack's have).</summary>
    public string Url { get; private set; } = "";

    /// <summary>The bodies of the posts answered with 2xx, in arrival order.</summary>
    public IReadOnlyList<JsonElement> Delivered => [.. _posts];

    /// <summary>Every post that arrived, answered or refused.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>The status of the following answers (e.g. 500 to make deliveries fail).</summary>
    public void AnswerWith(HttpStatusCode status) => _status = (int)status;

    public static async Task<FakeAlertWebhook> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FakeAlertWebhook).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeAlertWebhook(app);
        app.MapPost("/services/T000/B000/secret-token", fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        fake.Url = address + "/services/T000/B000/secret-token";
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _attempts);
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
        var status = _status;
        if (status is >= 200 and < 300)
        {
            _posts.Enqueue(body);
        }

        context.Response.StatusCode = status;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
