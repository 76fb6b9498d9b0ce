namespace Sdr.Sandbox.Seeding;

/// <summary>The seed catalogue's cities, for a simulation that checks sending hours against where a seeded contact lives.</summary>
public static class SeedHomes
{
    /// <summary>The IANA time zone of the seed city the contact's address names; null when it names none (no address, or not a seeded one).</summary>
    public static string? TimeZoneOf(SandboxContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return SeedCatalog.Cities.FirstOrDefault(c => c.City == contact.City && c.State == contact.State)?.TimeZone;
    }
}
