using System.Net;
using Microsoft.Extensions.Logging;

namespace Sdr.Core.GoHighLevel;

/// <summary>All GHL client log lines. Never pass tokens, message bodies or request/response payloads here.</summary>
internal static partial class GhlLog
{
    [LoggerMessage(EventId = 7100, Level = LogLevel.Error, Message = "ALERT: GHL circuit breaker opened for location {LocationId} after {FailureCount} consecutive failures; calls fail fast for {BreakDuration}")]
    public static partial void CircuitOpened(ILogger logger, string locationId, int failureCount, TimeSpan breakDuration);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "GHL circuit breaker for location {LocationId} is half-open; letting one trial call through")]
    public static partial void CircuitHalfOpen(ILogger logger, string locationId);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "GHL circuit breaker for location {LocationId} closed again")]
    public static partial void CircuitClosed(ILogger logger, string locationId);

    [LoggerMessage(EventId = 7110, Level = LogLevel.Error, Message = "GHL rejected the token for location {LocationId} ({Operation}, HTTP {StatusCode}, traceId {TraceId})")]
    public static partial void TokenRejected(ILogger logger, string locationId, string operation, int statusCode, string? traceId);

    [LoggerMessage(EventId = 7111, Level = LogLevel.Error, Message = "No GHL token is configured for location {LocationId} ({Operation})")]
    public static partial void UnknownLocation(ILogger logger, string locationId, string operation);

    [LoggerMessage(EventId = 7120, Level = LogLevel.Warning, Message = "GHL {Operation} for location {LocationId} failed on attempt {Attempt} ({Failure}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string operation, string locationId, int attempt, string failure, TimeSpan delay);

    [LoggerMessage(EventId = 7121, Level = LogLevel.Warning, Message = "GHL rate limit reached for location {LocationId} ({Operation}); holding the location for {Hold}")]
    public static partial void RateLimited(ILogger logger, string locationId, string operation, TimeSpan hold);

    [LoggerMessage(EventId = 7122, Level = LogLevel.Error, Message = "GHL {Operation} for location {LocationId} may have been taken by GHL ({Failure}); not repeating it")]
    public static partial void OutcomeUnknown(ILogger logger, string operation, string locationId, string failure);

    [LoggerMessage(EventId = 7123, Level = LogLevel.Warning, Message = "GHL {Operation} for location {LocationId} failed with HTTP {StatusCode} (traceId {TraceId})")]
    public static partial void Failed(ILogger logger, string operation, string locationId, HttpStatusCode statusCode, string? traceId);
}
