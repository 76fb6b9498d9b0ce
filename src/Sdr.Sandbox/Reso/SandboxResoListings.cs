using System.Globalization;
using System.Text.Json.Nodes;
using Sdr.Sandbox.Http;

namespace Sdr.Sandbox.Reso;

/// <summary>
/// The RESO feed's listings, in Data Dictionary names: expired, withdrawn and canceled MLS listings (each with
/// its listing agent and its owner), FSBO listings (active, no agent), and listings a feed must not return
/// (active and closed with an agent). Some owners have no phone or a bad one; owners live in several US zones.
/// </summary>
internal static class SandboxResoListings
{
    private static readonly (string City, string State, string Zip, string Area, string Street)[] Places =
    [
        ("Austin", "TX", "78704", "512", "Barton Springs Rd"),
        ("Phoenix", "AZ", "85004", "602", "N Central Ave"),
        ("Denver", "CO", "80205", "303", "Larimer St"),
        ("Seattle", "WA", "98103", "206", "Stone Way N"),
        ("Miami", "FL", "33133", "305", "S Bayshore Dr"),
        ("Chicago", "IL", "60614", "312", "N Clark St"),
        ("Boston", "MA", "02116", "617", "Beacon St"),
        ("Atlanta", "GA", "30308", "404", "Peachtree St NE"),
        ("Los Angeles", "CA", "90026", "213", "Sunset Blvd"),
        ("Nashville", "TN", "37203", "615", "Broadway"),
    ];

    private static readonly string[] Firsts = ["Maria", "James", "Linda", "Robert", "Patricia", "Michael", "Barbara", "William", "Susan", "David", "Karen", "Thomas"];
    private static readonly string[] Lasts = ["Garcia", "Johnson", "Nguyen", "Smith", "Brown", "Martinez", "Lee", "Walker", "Hall", "Young", "King", "Wright"];
    private static readonly string[] Types = ["Residential", "Residential", "Residential", "Residential Income", "Land"];
    private static readonly string[] Closed = ["Expired", "Withdrawn", "Canceled"];

    public static List<JsonObject> Build(int seed, DateTimeOffset now, int expired, int fsbo)
    {
        var random = new Random(seed);
        var listings = new List<JsonObject>();
        for (var i = 0; i < expired + fsbo + 6; i++)
        {
            var kind = i < expired ? "mls" : i < expired + fsbo ? "fsbo" : "other";
            var place = Places[i % Places.Length];
            var original = 250_000m + (random.Next(0, 120) * 5_000m);
            var reductions = random.Next(0, 3);
            var list = original - (reductions * 10_000m);
            var modified = now.AddDays(-30).AddMinutes((i * 613) % (29 * 24 * 60));
            var owner = $"{Firsts[i % Firsts.Length]} {Lasts[(i * 7) % Lasts.Length]}";
            var listing = new JsonObject
            {
                ["ListingKey"] = kind switch { "mls" => $"SBX-MLS-{i + 1:D4}", "fsbo" => $"SBX-FSBO-{i + 1:D4}", _ => $"SBX-ACT-{i + 1:D4}" },
                ["ListingId"] = $"{100_000 + i}",
                ["StandardStatus"] = kind switch { "mls" => Closed[i % Closed.Length], "fsbo" => "Active", _ => i % 2 == 0 ? "Active" : "Closed" },
                ["ListPrice"] = list,
                ["OriginalListPrice"] = original,
                ["PreviousListPrice"] = reductions > 0 ? list + 10_000m : null,
                ["DaysOnMarket"] = 20 + random.Next(0, 160),
                ["PropertyType"] = Types[i % Types.Length],
                ["UnparsedAddress"] = $"{100 + (i * 37 % 9000)} {place.Street}",
                ["City"] = place.City,
                ["StateOrProvince"] = place.State,
                ["PostalCode"] = place.Zip,
                ["Country"] = "US",
                ["ModificationTimestamp"] = SandboxJson.Iso(modified),
                ["StatusChangeTimestamp"] = SandboxJson.Iso(modified.AddHours(-2)),
                ["OwnerName"] = owner,
                ["OwnerPhone"] = OwnerPhone(i, place.Area),
                ["OwnerEmail"] = i % 3 == 0 ? null : $"{owner.Replace(' ', '.').ToLowerInvariant()}{i}@example.com",
            };
            if (kind != "fsbo")
            {
                // The listing agent's own contact details: never the owner's.
                listing["ListAgentFullName"] = $"Agent {Lasts[(i + 3) % Lasts.Length]}";
                listing["ListAgentDirectPhone"] = $"+1{place.Area}555{(7000 + i).ToString(CultureInfo.InvariantCulture)}";
                listing["ListAgentMobilePhone"] = $"+1{place.Area}555{(8000 + i).ToString(CultureInfo.InvariantCulture)}";
                listing["ListAgentEmail"] = $"agent{i}@brokerage.example.com";
                listing["ListOfficeName"] = "Sandbox Realty";
            }

            listings.Add(listing);
        }

        return listings;
    }

    /// <summary>Every 11th owner from the 5th has no phone, from the 7th a bad one; the rest a valid number of their city.</summary>
    private static string? OwnerPhone(int i, string area) => i switch
    {
        _ when i % 11 == 4 => null,
        _ when i % 11 == 6 => "555-01",
        _ => $"+1{area}555{(2000 + i).ToString(CultureInfo.InvariantCulture)}",
    };
}
