using Sdr.Sandbox.Http;

namespace Sdr.Sandbox.Endpoints;

internal static class FallbackEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapFallback((HttpContext context) =>
            GhlErrors.NotFound(context, $"Cannot {context.Request.Method} {context.Request.Path}"));
}
