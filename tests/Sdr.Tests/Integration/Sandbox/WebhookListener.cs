using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Sdr.Tests.Integration.Sandbox;

/// <summary>A stand-in for the product's webhook endpoints: records what the sandbox posts to <c>/sdr/webhook/{endpoint}</c>.</summary>
internal sealed class WebhookListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<ReceivedHook> _received = [];

    private WebhookListener(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The webhook base to give the sandbox, ending in <c>/sdr/webhook/</c>.</summary>
    public Uri BaseUrl { get; }

    public IReadOnlyList<ReceivedHook> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public static async Task<WebhookListener> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var received = new List<ReceivedHook>();
        WebhookListener? self = null;
        app.MapPost("/sdr/webhook/{endpoint}", async (HttpContext context, string endpoint) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            lock (self!._received)
            {
                self._received.Add(new ReceivedHook(endpoint, buffer.ToArray(), headers));
            }

            return Results.Ok();
        });
        await app.StartAsync();
        self = new WebhookListener(app, new Uri(app.Urls.First().TrimEnd('/') + "/sdr/webhook/"));
        return self;
    }

    /// <summary>Waits (real time) until at least <paramref name="count"/> webhooks have arrived.</summary>
    public async Task<IReadOnlyList<ReceivedHook>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (Received.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Received.Count} of {count} webhook(s) arrived.");
            }

            await Task.Delay(20);
        }

        return Received;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

internal sealed record ReceivedHook(string Endpoint, byte[] Body, Dictionary<string, string> Headers)
{
    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Body).RootElement;
}
