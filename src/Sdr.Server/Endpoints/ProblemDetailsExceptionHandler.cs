using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Sdr.Core.GoHighLevel;

namespace Sdr.Server.Endpoints;

/// <summary>Maps failures to ProblemDetails: bad input is a 400 naming the field, GHL failures a 502.</summary>
internal sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => BadJson(json),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message },
            GhlApiException ghl => GhlFailure(ghl),
            _ => null,
        };

        if (problem is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Internal error",
                Detail = "The request failed; nothing was half-written. See the server log for details.",
            };
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails BadJson(JsonException json)
    {
        var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [$"The JSON is malformed or has the wrong type at '{field}'."] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Malformed JSON",
            Detail = $"The request body could not be read at '{field}'.",
        };
    }

    private ProblemDetails GhlFailure(GhlApiException ghl)
    {
        LogGhl(logger, ghl.Operation, (int?)ghl.StatusCode, ghl.TraceId);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status502BadGateway,
            Title = ghl.IsUnauthorized ? "GHL rejected the credentials" : ghl.IsCircuitOpen ? "GHL is unavailable (circuit open)" : "GHL call failed",
            Detail = ghl.Message,
        };
        problem.Extensions["ghl_status"] = ghl.StatusCode is { } status ? (int)status : null;
        problem.Extensions["ghl_trace_id"] = ghl.TraceId;
        if (ghl.StatusCode == HttpStatusCode.TooManyRequests || ghl.IsCircuitOpen)
        {
            problem.Status = StatusCodes.Status503ServiceUnavailable;
        }

        return problem;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Error, Message = "GHL {Operation} failed with status {Status} (traceId {TraceId})")]
    private static partial void LogGhl(ILogger logger, string operation, int? status, string? traceId);
}
