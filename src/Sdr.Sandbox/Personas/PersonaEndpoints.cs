using Sdr.Sandbox.Http;

namespace Sdr.Sandbox.Personas;

/// <summary>Sandbox-only (GHL has no such route): which contacts are scripted prospects, and their local time now.</summary>
internal static class PersonaEndpoints
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/sandbox/personas", List);

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

        var now = state.TimeProvider.GetUtcNow();
        var personas = state.PersonaContacts(locationId).Select(p =>
        {
            var contact = state.GetContact(p.ContactId);
            return new
            {
                contactId = p.ContactId,
                persona = p.Persona.Key(),
                label = p.Persona.Label(),
                firstName = contact?.FirstName,
                lastName = contact?.LastName,
                timeZone = p.TimeZone,
                localTime = p.LocalTime(now).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
                inFederalHours = p.IsWithinFederalHours(now),
            };
        }).ToArray();
        return Results.Json(new { personas, traceId = context.TraceId() }, SandboxJson.Options);
    }
}
