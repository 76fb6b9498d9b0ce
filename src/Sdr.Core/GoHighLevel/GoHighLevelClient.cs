using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sdr.Core.GoHighLevel.Resilience;
using Sdr.Core.GoHighLevel.Wire;

namespace Sdr.Core.GoHighLevel;

/// <summary>
/// GHL API v2 client (typed HttpClient). Each call runs under its location's token, rate limiter and
/// circuit breaker; see <see cref="GhlRequestExecutor"/> for what is retried.
/// </summary>
public sealed partial class GoHighLevelClient : IGoHighLevelClient
{
    private readonly GhlRequestExecutor _executor;

    public GoHighLevelClient(
        HttpClient httpClient,
        IOptionsMonitor<GhlOptions> options,
        ILocationTokenProvider tokenProvider,
        GhlRateLimiter rateLimiter,
        GhlCircuitBreakerRegistry circuitBreakers,
        TimeProvider timeProvider,
        ILogger<GoHighLevelClient> logger)
    {
        _executor = new GhlRequestExecutor(httpClient, options, tokenProvider, rateLimiter, circuitBreakers, timeProvider, logger);
    }

    private async Task<T?> SendAsync<T>(GhlRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var response = await _executor.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(response.Body, GhlJson.Options)
                ?? throw UnexpectedShape(request, null);
        }
        catch (JsonException ex)
        {
            throw UnexpectedShape(request, ex);
        }
    }

    private async Task<JsonDocument> SendForDocumentAsync(GhlRequest request, CancellationToken cancellationToken)
    {
        var response = await _executor.ExecuteAsync(request, cancellationToken).ConfigureAwait(false)
            ?? throw UnexpectedShape(request, null);
        try
        {
            return JsonDocument.Parse(response.Body);
        }
        catch (JsonException ex)
        {
            throw UnexpectedShape(request, ex);
        }
    }

    private Task SendWithoutResultAsync(GhlRequest request, CancellationToken cancellationToken) =>
        _executor.ExecuteAsync(request, cancellationToken);

    /// <summary>A 2xx we cannot read: for a send GHL did act, so the caller must reconcile rather than resend.</summary>
    private static GhlApiException UnexpectedShape(GhlRequest request, Exception? inner) =>
        new(request.Operation, null, $"unexpected response shape for location {request.LocationId}", outcomeUnknown: request.Kind == GhlCallKind.NonIdempotentWrite, innerException: inner);

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static string Query(params (string Name, string? Value)[] parameters) =>
        string.Join('&', parameters.Where(p => p.Value is not null).Select(p => Escape(p.Name) + "=" + Escape(p.Value!)));
}
