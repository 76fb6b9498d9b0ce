using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sdr.Core.GoHighLevel.Resilience;

/// <summary>
/// Runs one GHL call under the location's token, rate limiter and circuit breaker, retrying only what
/// GHL cannot have acted on twice. Every failure leaves as a single <see cref="GhlApiException"/>.
/// </summary>
internal sealed class GhlRequestExecutor(
    HttpClient httpClient,
    IOptionsMonitor<GhlOptions> options,
    ILocationTokenProvider tokenProvider,
    GhlRateLimiter rateLimiter,
    GhlCircuitBreakerRegistry circuitBreakers,
    TimeProvider timeProvider,
    ILogger logger)
{
    private const string RemainingHeader = "X-RateLimit-Remaining";
    private const string IntervalHeader = "X-RateLimit-Interval-Milliseconds";

    private CachedText<Uri>? _baseUri;
    private CachedText<string>? _bearer;

    public async Task<GhlResponse?> ExecuteAsync(GhlRequest request, CancellationToken cancellationToken)
    {
        var token = await tokenProvider.GetTokenAsync(request.LocationId, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(token))
        {
            GhlLog.UnknownLocation(logger, request.LocationId, request.Operation);
            throw new GhlApiException(request.Operation, null, $"no GHL token is configured for location {request.LocationId} (set Ghl:Locations)");
        }

        var settings = options.CurrentValue;
        var breaker = circuitBreakers.For(request.LocationId);
        GhlApiException? lastFailure = null;
        for (var attempt = 1; ; attempt++)
        {
            if (breaker.IsRejecting())
            {
                throw CircuitOpen(request, lastFailure);
            }

            if (!await rateLimiter.WaitForPermitAsync(request.LocationId, cancellationToken).ConfigureAwait(false))
            {
                throw new GhlApiException(request.Operation, HttpStatusCode.TooManyRequests, $"the daily GHL request limit ({settings.DailyLimit}) for location {request.LocationId} is used up", innerException: lastFailure);
            }

            if (!breaker.TryEnter())
            {
                throw CircuitOpen(request, lastFailure);
            }

            GhlAttemptResult result;
            try
            {
                result = await SendOnceAsync(request, token, settings.AttemptTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                breaker.RecordAbandoned();
                throw;
            }

            ApplyRateLimitHeaders(request, result, settings);
            var verdict = Judge(request, result);
            if (verdict.CountsAsFailure)
            {
                breaker.RecordFailure(settings.CircuitBreakerFailureThreshold, settings.CircuitBreakerBreakDuration);
            }
            else
            {
                breaker.RecordSuccess();
            }

            if (verdict.Exception is null)
            {
                return result.StatusCode == HttpStatusCode.NotFound ? null : new GhlResponse(result.StatusCode!.Value, result.Body);
            }

            lastFailure = verdict.Exception;
            if (!verdict.Retryable || attempt > settings.MaxRetries)
            {
                LogFinal(request, result, verdict.Exception);
                throw verdict.Exception;
            }

            var delay = RetryDelay(request, result, settings, attempt);
            GhlLog.Retrying(logger, request.Operation, request.LocationId, attempt, Describe(result), delay);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<GhlAttemptResult> SendOnceAsync(GhlRequest request, string token, TimeSpan attemptTimeout, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(attemptTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var message = BuildMessage(request, token);
        try
        {
            using var response = await httpClient.SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            return new GhlAttemptResult(
                response.StatusCode,
                body,
                GhlAttemptFailure.None,
                null,
                ReadRetryAfter(response.Headers),
                ReadInt(response.Headers, RemainingHeader),
                ReadInt(response.Headers, IntervalHeader) is { } ms ? TimeSpan.FromMilliseconds(ms) : null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex)
        {
            return GhlAttemptResult.Transport(GhlAttemptFailure.Timeout, ex);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            return GhlAttemptResult.Transport(GhlAttemptFailure.NotSent, ex);
        }
        catch (HttpRequestException ex)
        {
            return GhlAttemptResult.Transport(GhlAttemptFailure.Broken, ex);
        }
        catch (IOException ex)
        {
            return GhlAttemptResult.Transport(GhlAttemptFailure.Broken, ex);
        }
    }

    private HttpRequestMessage BuildMessage(GhlRequest request, string token)
    {
        var message = new HttpRequestMessage(request.Method, new Uri(BaseUri(), request.PathAndQuery.TrimStart('/')));

        // Raw values (parsed only if something reads them) put the same bytes on the wire as the typed
        // header objects without allocating and validating those on every call.
        message.Headers.TryAddWithoutValidation("Authorization", BearerHeader(token));
        message.Headers.TryAddWithoutValidation("Version", request.Version);
        message.Headers.TryAddWithoutValidation("Accept", "application/json");
        if (request.JsonBody is not null)
        {
            message.Content = new ByteArrayContent(request.JsonBody);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        }

        return message;
    }

    /// <summary>The configured base URL as a directory URI, rebuilt only when the option changes.</summary>
    private Uri BaseUri()
    {
        var configured = options.CurrentValue.BaseUrl;
        var cached = _baseUri;
        if (cached is null || !ReferenceEquals(cached.Configured, configured))
        {
            cached = new CachedText<Uri>(configured, new Uri(configured.TrimEnd('/') + "/"));
            _baseUri = cached;
        }

        return cached.Value;
    }

    private string BearerHeader(string token)
    {
        var cached = _bearer;
        if (cached is null || !string.Equals(cached.Configured, token, StringComparison.Ordinal))
        {
            cached = new CachedText<string>(token, "Bearer " + token);
            _bearer = cached;
        }

        return cached.Value;
    }

    private static GhlVerdict Judge(GhlRequest request, GhlAttemptResult result)
    {
        var canRepeat = request.Kind != GhlCallKind.NonIdempotentWrite;
        if (result.StatusCode is not { } status)
        {
            var surelyNotTaken = result.Failure == GhlAttemptFailure.NotSent;
            var outcomeUnknown = !canRepeat && !surelyNotTaken;
            var what = result.Failure == GhlAttemptFailure.Timeout ? "timed out" : "connection failed";
            return new GhlVerdict(
                new GhlApiException(request.Operation, null, $"{what} for location {request.LocationId}", outcomeUnknown: outcomeUnknown, innerException: result.Exception),
                Retryable: canRepeat || surelyNotTaken,
                CountsAsFailure: true);
        }

        var code = (int)status;
        if (code is >= 200 and < 300 || (status == HttpStatusCode.NotFound && request.NotFoundIsNull))
        {
            return new GhlVerdict(null, Retryable: false, CountsAsFailure: false);
        }

        var error = GhlErrorBody.Parse(result.Body);
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return new GhlVerdict(
                new GhlApiException(request.Operation, status, $"GHL rejected the token for location {request.LocationId}", error.TraceId),
                Retryable: false,
                CountsAsFailure: false);
        }

        var detail = $"location {request.LocationId}: {error.Message ?? status.ToString()}";
        if (status == HttpStatusCode.TooManyRequests)
        {
            // A 429 is pacing, not an outage: the location hold spaces the next call, the breaker stays closed.
            return new GhlVerdict(new GhlApiException(request.Operation, status, detail, error.TraceId), Retryable: true, CountsAsFailure: false);
        }

        if (code >= 500)
        {
            return new GhlVerdict(
                new GhlApiException(request.Operation, status, detail, error.TraceId, outcomeUnknown: !canRepeat),
                Retryable: canRepeat,
                CountsAsFailure: true);
        }

        return new GhlVerdict(new GhlApiException(request.Operation, status, detail, error.TraceId), Retryable: false, CountsAsFailure: false);
    }

    private void ApplyRateLimitHeaders(GhlRequest request, GhlAttemptResult result, GhlOptions settings)
    {
        TimeSpan? hold = null;
        if (result.StatusCode == HttpStatusCode.TooManyRequests)
        {
            hold = result.RetryAfter ?? result.RateLimitInterval ?? settings.Window;
        }
        else if (result.RateLimitRemaining is <= 0)
        {
            hold = result.RateLimitInterval ?? settings.Window;
        }

        if (hold is { } duration && duration > TimeSpan.Zero)
        {
            GhlLog.RateLimited(logger, request.LocationId, request.Operation, duration);
            rateLimiter.Hold(request.LocationId, timeProvider.GetUtcNow() + duration);
        }
    }

    private static TimeSpan RetryDelay(GhlRequest request, GhlAttemptResult result, GhlOptions settings, int attempt)
    {
        // After a 429 the location hold already spaces the retry; adding backoff would only waste quota time.
        if (result.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return TimeSpan.Zero;
        }

        var exponential = settings.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromMilliseconds(exponential * jitter);
    }

    private void LogFinal(GhlRequest request, GhlAttemptResult result, GhlApiException exception)
    {
        if (exception.IsUnauthorized)
        {
            GhlLog.TokenRejected(logger, request.LocationId, request.Operation, (int)exception.StatusCode!.Value, exception.TraceId);
        }
        else if (exception.OutcomeUnknown)
        {
            GhlLog.OutcomeUnknown(logger, request.Operation, request.LocationId, Describe(result));
        }
        else if (exception.StatusCode is { } status)
        {
            GhlLog.Failed(logger, request.Operation, request.LocationId, status, exception.TraceId);
        }
    }

    private static GhlApiException CircuitOpen(GhlRequest request, GhlApiException? lastFailure) =>
        new(request.Operation, null, $"the GHL circuit breaker for location {request.LocationId} is open; failing fast", lastFailure?.TraceId, innerException: lastFailure)
        {
            IsCircuitOpen = true,
        };

    private static string Describe(GhlAttemptResult result) => result.StatusCode is { } status
        ? "HTTP " + ((int)status).ToString(CultureInfo.InvariantCulture)
        : result.Failure.ToString();

    private TimeSpan? ReadRetryAfter(HttpResponseHeaders headers)
    {
        if (headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return headers.RetryAfter?.Date is { } date ? date - timeProvider.GetUtcNow() : null;
    }

    private static int? ReadInt(HttpResponseHeaders headers, string name)
    {
        // The non-validated view reads the raw first value without copying the values into an array.
        if (headers.NonValidated.TryGetValues(name, out var values))
        {
            foreach (var value in values)
            {
                return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            }
        }

        return null;
    }

    /// <summary>A value derived from a configured string; swapped whole, so readers on other threads see a consistent pair.</summary>
    private sealed record CachedText<T>(string Configured, T Value);

    private sealed record GhlVerdict(GhlApiException? Exception, bool Retryable, bool CountsAsFailure);
}
