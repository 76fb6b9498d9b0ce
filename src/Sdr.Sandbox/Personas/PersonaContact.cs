namespace Sdr.Sandbox;

/// <summary>A sandbox contact that answers as <see cref="Persona"/>; its local time comes from <see cref="TimeZone"/>.</summary>
public sealed record PersonaContact(string ContactId, string LocationId, SandboxPersona Persona, string TimeZone)
{
    private static readonly TimeOnly FederalStart = new(8, 0);
    private static readonly TimeOnly FederalEnd = new(21, 0);

    public DateTimeOffset LocalTime(DateTimeOffset now) =>
        TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(TimeZone));

    /// <summary>Inside 08:00-21:00 local (the federal window; the product applies stricter state rules on top).</summary>
    public bool IsWithinFederalHours(DateTimeOffset now)
    {
        var time = TimeOnly.FromDateTime(LocalTime(now).DateTime);
        return time >= FederalStart && time < FederalEnd;
    }
}
