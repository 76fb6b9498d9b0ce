using System.Globalization;

namespace Sdr.Sandbox.Http;

internal sealed class SandboxMiddleware(RequestDelegate next, SandboxState state, RateLimiter limiter)
{
    private const string BearerPrefix = "Bearer ";
    private readonly string _dailyLimit = limiter.Daily.ToString(CultureInfo.InvariantCulture);
    private readonly string _max = limiter.Max.ToString(CultureInfo.InvariantCulture);
    private readonly string _interval = limiter.WindowMilliseconds.ToString(CultureInfo.InvariantCulture);

    public async Task InvokeAsync(HttpContext context)
    {
        var feature = new SandboxRequestFeature(Guid.NewGuid().ToString());
        context.Features.Set(feature);
        var aborted = false;
        using var inFlight = state.BeginRequest();
        try
        {
            if (state.ResponseDelay > TimeSpan.Zero)
            {
                await Task.Delay(state.ResponseDelay, context.RequestAborted);
            }

            aborted = await HandleAsync(context, feature);
        }
        finally
        {
            var request = context.Request;
            state.Record(new RecordedRequest(
                request.Method,
                request.Path.Value ?? "",
                request.QueryString.Value ?? "",
                request.Headers["Version"].ToString() is { Length: > 0 } v ? v : null,
                feature.Location?.LocationId,
                aborted ? 0 : context.Response.StatusCode,
                state.TimeProvider.GetUtcNow()));
        }
    }

    private async Task<bool> HandleAsync(HttpContext context, SandboxRequestFeature feature)
    {
        var location = Authenticate(context.Request);
        if (location is null)
        {
            await GhlErrors.Unauthorized(context, "Invalid JWT").ExecuteAsync(context);
            return false;
        }

        feature.Location = location;
        var decision = limiter.Acquire(location.LocationId, state.RateLimitEnabled);
        if (state.RateLimitEnabled)
        {
            // With the limit off (benchmarks, most tests) a falling X-RateLimit-Remaining would make clients pace themselves.
            WriteRateHeaders(context.Response, decision);
        }

        if (!decision.Allowed)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await GhlErrors.Status(context, 429, "Too Many Requests", "Too Many Requests").ExecuteAsync(context);
            return false;
        }

        var versionError = CheckVersion(context.Request);
        if (versionError is not null)
        {
            await GhlErrors.BadRequest(context, versionError).ExecuteAsync(context);
            return false;
        }

        var fault = state.Faults.TryTake(context.Request.Method, context.Request.Path.Value ?? "");
        if (fault is null)
        {
            await next(context);
            return false;
        }

        return await ApplyFaultAsync(context, fault, decision);
    }

    private async Task<bool> ApplyFaultAsync(HttpContext context, SandboxFault fault, RateDecision decision)
    {
        if (fault.ApplyBeforeFailing)
        {
            var body = context.Response.Body;
            context.Response.Body = Stream.Null;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = body;
            }
        }

        if (fault is { Kind: SandboxFaultKind.HoldResponse, Hold: { } hold })
        {
            try
            {
                await hold.WaitAsync(context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return true;
            }
        }

        if (fault.Kind == SandboxFaultKind.AbortConnection)
        {
            context.Abort();
            return true;
        }

        context.Response.Clear();
        WriteRateHeaders(context.Response, decision);
        var message = fault.StatusCode == 429 ? "Too Many Requests" : "Internal Server Error";
        await GhlErrors.Status(context, fault.StatusCode, message).ExecuteAsync(context);
        return false;
    }

    private SandboxLocation? Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return state.LocationForToken(header[BearerPrefix.Length..].Trim());
    }

    private static string? CheckVersion(HttpRequest request)
    {
        var expected = ApiVersions.ExpectedFor(request.Path);
        if (expected is null)
        {
            return null;
        }

        var version = request.Headers["Version"].ToString();
        if (version.Length == 0)
        {
            return "Version header was not found";
        }

        return version == expected ? null : $"Invalid Version header '{version}'; this endpoint expects Version {expected}";
    }

    private void WriteRateHeaders(HttpResponse response, RateDecision decision)
    {
        var headers = response.Headers;
        headers["X-RateLimit-Limit-Daily"] = _dailyLimit;
        headers["X-RateLimit-Daily-Remaining"] = decision.DailyRemaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Interval-Milliseconds"] = _interval;
        headers["X-RateLimit-Max"] = _max;
        headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
    }
}
