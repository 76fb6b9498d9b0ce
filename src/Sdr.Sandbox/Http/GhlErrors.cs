namespace Sdr.Sandbox.Http;

internal static class GhlErrors
{
    public static IResult BadRequest(HttpContext context, string message) =>
        Results.Json(new ErrorBody(400, message, "Bad Request", Trace(context)), SandboxJson.Options, statusCode: 400);

    public static IResult Unauthorized(HttpContext context, string message) =>
        Results.Json(new ErrorBody(401, message, "Unauthorized", Trace(context)), SandboxJson.Options, statusCode: 401);

    public static IResult Forbidden(HttpContext context) =>
        Results.Json(
            new ErrorBody(403, "The token does not have access to this location.", "Forbidden", Trace(context)),
            SandboxJson.Options,
            statusCode: 403);

    public static IResult NotFound(HttpContext context, string message) =>
        Results.Json(new ErrorBody(404, message, "Not Found", Trace(context)), SandboxJson.Options, statusCode: 404);

    public static IResult Unprocessable(HttpContext context, params string[] messages) =>
        Results.Json(new UnprocessableBody(422, messages, "Unprocessable Entity", Trace(context)), SandboxJson.Options, statusCode: 422);

    public static IResult Status(HttpContext context, int statusCode, string message, string? error = null) =>
        Results.Json(new ErrorBody(statusCode, message, error, Trace(context)), SandboxJson.Options, statusCode: statusCode);

    private static string Trace(HttpContext context) => context.Features.Get<SandboxRequestFeature>()?.TraceId ?? Guid.NewGuid().ToString();

    private sealed record ErrorBody(int StatusCode, string Message, string? Error, string TraceId);

    private sealed record UnprocessableBody(int StatusCode, string[] Message, string Error, string TraceId);
}
