using Sdr.Sandbox.Http;

namespace Sdr.Sandbox.Endpoints;

internal static class LocationEndpoints
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/locations/{locationId}", Get);

    private static IResult Get(HttpContext context, SandboxState state, string locationId)
    {
        if (state.TryLocation(locationId) is null)
        {
            return GhlErrors.BadRequest(context, "Location not found");
        }

        if (!context.OwnsLocation(locationId))
        {
            return GhlErrors.Forbidden(context);
        }

        var location = context.AuthLocation();
        var locationBody = new
        {
            id = location.LocationId,
            companyId = "sandbox-company",
            name = $"Sandbox {location.LocationId}",
            address = "100 Congress Ave",
            city = "Austin",
            state = "TX",
            country = "US",
            postalCode = "78701",
            website = "https://example.com",
            timezone = location.TimeZone,
            email = "office@example.com",
            phone = "+15125550100",
            settings = new { allowDuplicateContact = false, allowDuplicateOpportunity = false, allowFacebookNameMerge = false, disableContactTimezone = false },
        };
        return Results.Json(new { location = locationBody, traceId = context.TraceId() }, SandboxJson.Options);
    }
}
