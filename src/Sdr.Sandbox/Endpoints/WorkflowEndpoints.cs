using Sdr.Sandbox.Http;

namespace Sdr.Sandbox.Endpoints;

internal static class WorkflowEndpoints
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/workflows/", List);

    private static IResult List(HttpContext context, SandboxState state, string? locationId)
    {
        if (string.IsNullOrEmpty(locationId))
        {
            return GhlErrors.Unprocessable(context, "locationId should not be empty");
        }

        if (!context.OwnsLocation(locationId))
        {
            return GhlErrors.Forbidden(context);
        }

        var workflows = state.Workflows(locationId).Select(w => new
        {
            id = w.Id,
            name = w.Name,
            status = w.Status,
            version = 1,
            createdAt = SandboxJson.Iso(w.CreatedAt),
            updatedAt = SandboxJson.Iso(w.CreatedAt),
            locationId = w.LocationId,
        });
        return Results.Json(new { workflows, traceId = context.TraceId() }, SandboxJson.Options);
    }
}
