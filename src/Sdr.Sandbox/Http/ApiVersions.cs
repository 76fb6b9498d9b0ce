namespace Sdr.Sandbox.Http;

internal static class ApiVersions
{
    public const string Contacts = "2021-07-28";
    public const string Conversations = "2021-04-15";

    // Per the spec's Version enum for each product.
    public static string? ExpectedFor(PathString path)
    {
        if (path.StartsWithSegments("/conversations") || path.StartsWithSegments("/calendars"))
        {
            return Conversations;
        }

        if (path.StartsWithSegments("/contacts")
            || path.StartsWithSegments("/opportunities")
            || path.StartsWithSegments("/workflows")
            || path.StartsWithSegments("/locations"))
        {
            return Contacts;
        }

        return null;
    }
}
