using System.Collections.Concurrent;
using System.Net;
using System.Text;
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
/// A local stand-in for Anthropic's Messages API over real HTTP (Kestrel on a loopback port): POST /v1/messages with
/// the request and answer shapes of the real API, its error bodies, and its header checks (the API key, sent as
/// x-api-key or, by the SDK since version 13, as <c>Authorization: Bearer</c>; anthropic-version). Each test scripts the answers (<see cref="Respond(Func{FakeAnthropicRequest, FakeAnthropicResponse})"/>):
/// a text, a slow one, 500 or 529, a body that is not JSON, a refusal. Every request is recorded.
/// <code>
/// await using var fake = await FakeAnthropicServer.StartAsync();
/// fake.Respond(request => FakeAnthropicResponse.Text("{\"label\":\"price\",\"confidence\":0.9}"));
/// settings["sdr:ai:base_url"] = fake.BaseUrl; settings["ANTHROPIC_API_KEY"] = FakeAnthropicServer.ApiKey;
/// </code>
/// </summary>
public sealed class FakeAnthropicServer : IAsyncDisposable
{
    public const string ApiKey = "sk-ant-test-fake-key";

    private readonly WebApplication _app;
    private readonly string _apiKey;
    private readonly ConcurrentQueue<FakeAnthropicRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private volatile Func<FakeAnthropicRequest, FakeAnthropicResponse> _responder = _ => FakeAnthropicResponse.Text("Hello");
    private int _messageCount;

    private FakeAnthropicServer(WebApplication app, string apiKey)
    {
        _app = app;
        _apiKey = apiKey;
    }

    /// <summary>The base URL to configure (sdr:ai:base_url), without a trailing slash: <c>http://127.0.0.1:PORT</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Every request that reached /v1/messages (including refused ones), in arrival order.</summary>
    public IReadOnlyList<FakeAnthropicRequest> Requests => [.. _requests];

    public static async Task<FakeAnthropicServer> StartAsync(string apiKey = ApiKey, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FakeAnthropicServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        var fake = new FakeAnthropicServer(app, apiKey);
        app.MapPost("/v1/messages", fake.HandleAsync);
        await app.StartAsync(ct);
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return fake;
    }

    /// <summary>Answers every following request with the response the function gives for it.</summary>
    public void Respond(Func<FakeAnthropicRequest, FakeAnthropicResponse> responder) => _responder = responder;

    /// <summary>Answers every following request with this response.</summary>
    public void Respond(FakeAnthropicResponse response) => _responder = _ => response;

    /// <summary>Answers every following request with this text (stop_reason end_turn).</summary>
    public void Respond(string text) => Respond(FakeAnthropicResponse.Text(text));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        FakeAnthropicRequest request;
        try
        {
            request = FakeAnthropicRequest.Parse(body, headers);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            _requests.Enqueue(new FakeAnthropicRequest("", 0, "", [], headers, body));
            await WriteErrorAsync(context, 400, "invalid_request_error", "The request body is not a valid Messages request.");
            return;
        }

        _requests.Enqueue(request);
        if (request.ApiKey != _apiKey)
        {
            await WriteErrorAsync(context, 401, "authentication_error", "invalid x-api-key");
            return;
        }

        if (!headers.TryGetValue("anthropic-version", out var version) || string.IsNullOrEmpty(version))
        {
            await WriteErrorAsync(context, 400, "invalid_request_error", "anthropic-version: header is required");
            return;
        }

        if (request.Model.Length == 0 || request.MaxTokens < 1 || request.Messages.Count == 0)
        {
            await WriteErrorAsync(context, 400, "invalid_request_error", "model, max_tokens and messages are required");
            return;
        }

        var response = _responder(request);
        if (response.Delay > TimeSpan.Zero)
        {
            using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            try
            {
                await Task.Delay(response.Delay, aborted.Token);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up (its timeout) or the server is stopping
            }
        }

        if (response.RawBody is { } raw)
        {
            context.Response.StatusCode = response.StatusCode;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(raw, context.RequestAborted);
            return;
        }

        if (response.ErrorType is { } errorType)
        {
            await WriteErrorAsync(context, response.StatusCode, errorType, response.ErrorMessage ?? errorType);
            return;
        }

        var number = Interlocked.Increment(ref _messageCount);
        var content = response.AnswerText is null ? Array.Empty<object>() : [new { type = "text", text = response.AnswerText }];
        context.Response.StatusCode = 200;
        context.Response.Headers["request-id"] = $"req_fake_{number}";
        await context.Response.WriteAsJsonAsync(new
        {
            id = $"msg_fake_{number}",
            type = "message",
            role = "assistant",
            model = request.Model,
            content,
            stop_reason = response.StopReason,
            stop_sequence = (string?)null,
            usage = new { input_tokens = (request.System.Length + request.Messages.Sum(m => m.Text.Length)) / 4 + 1, output_tokens = (response.AnswerText?.Length ?? 0) / 4 + 1 },
        }, context.RequestAborted);
    }

    private static async Task WriteErrorAsync(HttpContext context, int status, string type, string message)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { type = "error", error = new { type, message } }, context.RequestAborted);
    }
}

/// <summary>One request to the fake Messages API, as it arrived.</summary>
public sealed record FakeAnthropicRequest(
    string Model,
    int MaxTokens,
    string System,
    IReadOnlyList<FakeAnthropicMessage> Messages,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    /// <summary>The API key the request carried: x-api-key, or the bearer token of Authorization.</summary>
    public string? ApiKey => Headers.TryGetValue("x-api-key", out var key)
        ? key
        : Headers.TryGetValue("authorization", out var authorization) && authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null;

    /// <summary>The text of the last user message (the prospect's reply, inside its tags).</summary>
    public string LastUserText => Messages.LastOrDefault(m => m.Role == "user")?.Text ?? "";

    public static FakeAnthropicRequest Parse(string body, IReadOnlyDictionary<string, string> headers)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var messages = root.GetProperty("messages").EnumerateArray()
            .Select(m => new FakeAnthropicMessage(m.GetProperty("role").GetString()!, TextOf(m.GetProperty("content"))))
            .ToList();
        return new FakeAnthropicRequest(
            root.TryGetProperty("model", out var model) ? model.GetString() ?? "" : "",
            root.TryGetProperty("max_tokens", out var maxTokens) ? maxTokens.GetInt32() : 0,
            root.TryGetProperty("system", out var system) ? TextOf(system) : "",
            messages,
            headers,
            body);
    }

    /// <summary>A string, or the text blocks of a content array joined.</summary>
    private static string TextOf(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString() ?? "",
        JsonValueKind.Array => string.Join("\n", content.EnumerateArray()
            .Where(block => block.TryGetProperty("type", out var type) && type.GetString() == "text")
            .Select(block => block.GetProperty("text").GetString())),
        _ => "",
    };
}

public sealed record FakeAnthropicMessage(string Role, string Text);

/// <summary>What the fake answers: a message, an API error, or a raw body; optionally after a delay.</summary>
public sealed record FakeAnthropicResponse
{
    public int StatusCode { get; init; } = 200;
    public string? AnswerText { get; init; }
    public string StopReason { get; init; } = "end_turn";
    public string? ErrorType { get; init; }
    public string? ErrorMessage { get; init; }
    public string? RawBody { get; init; }
    public TimeSpan Delay { get; init; }

    public static FakeAnthropicResponse Text(string text, string stopReason = "end_turn") => new() { AnswerText = text, StopReason = stopReason };

    /// <summary>stop_reason "refusal", as the API stops when the model declines.</summary>
    public static FakeAnthropicResponse Refusal(string? text = null) => new() { AnswerText = text, StopReason = "refusal" };

    /// <summary>529 overloaded_error, as the API answers under load.</summary>
    public static FakeAnthropicResponse Overloaded() => Error(529, "overloaded_error", "Overloaded");

    public static FakeAnthropicResponse ServerError() => Error(500, "api_error", "Internal server error");

    public static FakeAnthropicResponse Error(int status, string type, string message) => new() { StatusCode = status, ErrorType = type, ErrorMessage = message };

    /// <summary>A body that is not a Messages answer at all (a proxy's page, a cut-off stream).</summary>
    public static FakeAnthropicResponse Garbage(string body = "<html><body>502 Bad Gateway</body></html>", int status = 200) => new() { StatusCode = status, RawBody = body };

    public FakeAnthropicResponse After(TimeSpan delay) => this with { Delay = delay };
}
