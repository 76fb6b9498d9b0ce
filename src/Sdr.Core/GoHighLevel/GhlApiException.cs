using System.Net;

namespace Sdr.Core.GoHighLevel;

/// <summary>
/// Any failed GHL call. <see cref="OutcomeUnknown"/> is true when a write may have been taken by GHL
/// (5xx, timeout, lost connection after sending): such a send must be reconciled, never blindly repeated.
/// </summary>
public sealed class GhlApiException(
    string operation,
    HttpStatusCode? statusCode,
    string message,
    string? traceId = null,
    bool outcomeUnknown = false,
    Exception? innerException = null)
    : Exception($"GHL {operation} failed ({(statusCode is null ? "no response" : ((int)statusCode).ToString(System.Globalization.CultureInfo.InvariantCulture))}): {message}", innerException)
{
    public string Operation { get; } = operation;
    public HttpStatusCode? StatusCode { get; } = statusCode;
    public string? TraceId { get; } = traceId;
    public bool OutcomeUnknown { get; } = outcomeUnknown;
    public bool IsUnauthorized => StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;

    /// <summary>GHL refused the request for good (bad request, gone, unprocessable): retrying cannot help.</summary>
    public bool IsPermanent => StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity;

    /// <summary>GHL refused a message because the contact has DND on that channel.</summary>
    public bool IsDndRefusal => IsPermanent && Message.Contains("DND is active", StringComparison.OrdinalIgnoreCase);
    public bool IsCircuitOpen { get; init; }
}
