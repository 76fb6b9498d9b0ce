namespace Sdr.Core.GoHighLevel;

/// <summary>The Version header each GHL v2 product's OpenAPI file pins (enum of its Version parameter).</summary>
internal static class GhlApiVersions
{
    public const string Contacts = "2021-07-28";
    public const string Opportunities = "2021-07-28";
    public const string Workflows = "2021-07-28";
    public const string Locations = "2021-07-28";
    public const string Conversations = "2021-04-15";
    public const string Calendars = "2021-04-15";
}
