namespace Sdr.Sandbox.Http;

internal static class HttpContextExtensions
{
    public static SandboxLocation AuthLocation(this HttpContext context) =>
        context.Features.Get<SandboxRequestFeature>()?.Location
        ?? throw new InvalidOperationException("Request reached an endpoint without authentication.");

    public static string TraceId(this HttpContext context) =>
        context.Features.Get<SandboxRequestFeature>()?.TraceId ?? "";

    public static bool OwnsLocation(this HttpContext context, string? locationId) =>
        string.Equals(context.AuthLocation().LocationId, locationId, StringComparison.Ordinal);
}
