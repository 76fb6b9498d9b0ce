using Sdr.Core.Phones;
using Sdr.Sandbox;
using Sdr.Sandbox.Seeding;

namespace Sdr.Server.Simulation;

/// <summary>
/// A sandbox contact the simulation enrols: its variant, how it answers, and its local time as its GHL record
/// tells it (<see cref="HomeBasis"/>): its time zone, else its address's city, else every zone its phone
/// number may be in. A send must be allowed in each of <see cref="TimeZones"/>.
/// </summary>
internal sealed record SimulatedContact(
    string ContactId, string LocationId, string? Variant, SandboxPersona Persona, IReadOnlyList<string> TimeZones, string? State, string HomeBasis)
{
    public string? TimeZone => TimeZones.Count > 0 ? TimeZones[0] : null;

    public static SimulatedContact For(SandboxContact contact, string? variant, SandboxPersona persona)
    {
        var phone = ResolvedPhone.Of(contact.Phone);
        var state = contact.State ?? phone?.AreaState;
        if (contact.Timezone is { Length: > 0 } zone)
        {
            return new(contact.Id, contact.LocationId, variant, persona, [zone], state, "ghl_time_zone");
        }

        if (SeedHomes.TimeZoneOf(contact) is { } city)
        {
            return new(contact.Id, contact.LocationId, variant, persona, [city], state, "address");
        }

        return new(contact.Id, contact.LocationId, variant, persona, [.. (phone?.Zones ?? []).Select(z => z.Id)], state, "phone_number");
    }
}

/// <summary>
/// The contacts of a run, chosen and cast from the seed alone: the first contacts of each location's
/// seeded list (spread over every US time zone by the sandbox's seed catalogue), each given a variant by
/// the <c>--ab</c> weights and, with personas on, a scripted prospect for a <c>--reply-rate</c> share of
/// them (the others are silent).
/// </summary>
internal sealed class SimulationPopulation
{
    /// <summary>The personas a replying contact is drawn from, in turn: every scripted behaviour but silence.</summary>
    private static readonly SandboxPersona[] Answering = [.. SandboxPersonas.All.Where(p => p != SandboxPersona.Silent)];

    private SimulationPopulation(IReadOnlyList<SimulatedContact> contacts) => Contacts = contacts;

    public IReadOnlyList<SimulatedContact> Contacts { get; }

    public static SimulationPopulation Pick(SandboxState state, IReadOnlyList<SandboxLocation> locations, SimulationSettings settings)
    {
        var random = new Random(settings.Seed);
        var contacts = new List<SimulatedContact>(settings.Contacts);
        for (var index = 0; index < locations.Count; index++)
        {
            var share = settings.Contacts / locations.Count + (index < settings.Contacts % locations.Count ? 1 : 0);
            foreach (var contact in state.Contacts(locations[index].LocationId).Take(share))
            {
                var variant = PickVariant(random, settings.Variants);
                var persona = settings.Personas && random.NextDouble() < settings.ReplyRate
                    ? Answering[random.Next(Answering.Length)]
                    : SandboxPersona.Silent;
                if (settings.Personas)
                {
                    state.AssignPersona(contact.Id, persona);
                }

                contacts.Add(SimulatedContact.For(contact, variant, persona));
            }
        }

        return new SimulationPopulation(contacts);
    }

    /// <summary>Each location's contacts in enrolment order.</summary>
    public Dictionary<string, Queue<SimulatedContact>> EnrolmentQueues() =>
        Contacts.GroupBy(c => c.LocationId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Queue<SimulatedContact>(g), StringComparer.Ordinal);

    private static string? PickVariant(Random random, IReadOnlyList<VariantWeight> variants)
    {
        if (variants.Count == 0)
        {
            return null;
        }

        var roll = random.Next(100);
        foreach (var variant in variants)
        {
            if (roll < variant.Weight)
            {
                return variant.Name;
            }

            roll -= variant.Weight;
        }

        return variants[^1].Name;
    }
}
