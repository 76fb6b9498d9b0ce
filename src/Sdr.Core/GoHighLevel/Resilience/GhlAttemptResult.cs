using System.Net;

namespace Sdr.Core.GoHighLevel.Resilience;

internal enum GhlAttemptFailure
{
    None,

    /// <summary>The connection was never established, so GHL cannot have seen the request.</summary>
    NotSent,

    /// <summary>The attempt timed out after the request may have left.</summary>
    Timeout,

    /// <summary>The connection broke after the request may have left.</summary>
    Broken,
}

/// <summary>What one HTTP attempt produced: a response (any status) or a transport failure.</summary>
internal sealed record GhlAttemptResult(
    HttpStatusCode? StatusCode,
    byte[] Body,
    GhlAttemptFailure Failure,
    Exception? Exception,
    TimeSpan? RetryAfter,
    int? RateLimitRemaining,
    TimeSpan? RateLimitInterval)
{
    public static GhlAttemptResult Transport(GhlAttemptFailure failure, Exception exception) =>
        new(null, [], failure, exception, null, null, null);
}
