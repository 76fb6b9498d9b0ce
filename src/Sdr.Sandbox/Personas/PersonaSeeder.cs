using Sdr.Sandbox.Seeding;
using Sdr.Sandbox.State;

namespace Sdr.Sandbox.Personas;

/// <summary>
/// One contact per persona in each of these homes: their time zones cover every hour of the day
/// with some contacts inside 08:00-21:00 local (Guam and London close the gap the US mainland,
/// Alaska and Hawaii leave in the UTC morning). None of their states or area codes has a stricter
/// rule than the federal window.
/// </summary>
internal static class PersonaSeeder
{
    private static readonly PersonaHome[] Homes =
    [
        new("GA", "Atlanta", "30303", "America/New_York", "404", "US"),
        new("IL", "Chicago", "60601", "America/Chicago", "312", "US"),
        new("CO", "Denver", "80202", "America/Denver", "303", "US"),
        new("CA", "Los Angeles", "90012", "America/Los_Angeles", "213", "US"),
        new("AK", "Anchorage", "99501", "America/Anchorage", "907", "US"),
        new("HI", "Honolulu", "96813", "Pacific/Honolulu", "808", "US"),
        new("GU", "Hagatna", "96910", "Pacific/Guam", "671", "GU", Exchange: 477),
        // A buyer relocating from London with a New York number.
        new(null, "London", "SW1A 1AA", "Europe/London", "212", "GB"),
    ];

    public static List<(SandboxContact Contact, SandboxPersona Persona)> Create(string locationId, IdGenerator ids, Random random, DateTimeOffset now)
    {
        var result = new List<(SandboxContact, SandboxPersona)>(Homes.Length * SandboxPersonas.All.Count);
        foreach (var persona in SandboxPersonas.All)
        {
            foreach (var home in Homes)
            {
                var first = SeedCatalog.FirstNames[random.Next(SeedCatalog.FirstNames.Length)];
                var last = SeedCatalog.LastNames[random.Next(SeedCatalog.LastNames.Length)];
                var added = now.AddDays(-random.Next(1, 60));
                var contact = new SandboxContact
                {
                    Id = ids.Next(),
                    LocationId = locationId,
                    FirstName = first,
                    LastName = last,
                    Email = $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{random.Next(1, 999)}@example.com",
                    Phone = $"+1{home.AreaCode}{home.Exchange ?? Exchange(random)}{random.Next(0, 10000):D4}",
                    Address1 = $"{random.Next(100, 9999)} {SeedCatalog.Streets[random.Next(SeedCatalog.Streets.Length)]}",
                    City = home.City,
                    State = home.State,
                    PostalCode = home.PostalCode,
                    Country = home.Country,
                    Timezone = home.TimeZone,
                    Source = "sandbox persona",
                    DateAdded = added,
                    DateUpdated = added,
                };
                result.Add((contact, persona));
            }
        }

        return result;
    }

    // Not 555 nor N11, like the other seeded numbers.
    private static int Exchange(Random random)
    {
        int exchange;
        do
        {
            exchange = random.Next(200, 1000);
        }
        while (exchange == 555 || exchange % 100 == 11);

        return exchange;
    }

    // Guam's numbers are valid only in assigned exchanges.
    private sealed record PersonaHome(string? State, string City, string PostalCode, string TimeZone, string AreaCode, string Country, int? Exchange = null);
}
