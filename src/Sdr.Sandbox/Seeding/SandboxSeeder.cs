using Sdr.Sandbox.Personas;
using Sdr.Sandbox.State;

namespace Sdr.Sandbox.Seeding;

internal static class SandboxSeeder
{
    public static SandboxState Build(SandboxOptions options)
    {
        var now = options.TimeProvider.GetUtcNow();
        var locations = new List<LocationData>(options.Locations.Count);
        var seeded = new List<(LocationData Data, List<SandboxContact> Contacts)>();
        var personas = new List<(SandboxContact Contact, SandboxPersona Persona)>();
        for (var index = 0; index < options.Locations.Count; index++)
        {
            var location = options.Locations[index];
            var ids = new IdGenerator(options.Seed, (ulong)index + 1);
            var random = new Random(unchecked((options.Seed * 7919) + index));
            var calendar = new SandboxCalendar(ids.Next(), location.LocationId, "Seller Consultation", location.TimeZone);
            var data = new LocationData(location, calendar);
            var contacts = new List<SandboxContact>(options.ContactsPerLocation);
            for (var i = 0; i < options.ContactsPerLocation; i++)
            {
                contacts.Add(NewContact(location.LocationId, ids, random, now));
            }

            var pipeline = NewPipeline(location.LocationId, ids);
            data.Pipelines = [pipeline];
            data.Opportunities = NewOpportunities(contacts, pipeline, ids, random);
            data.Workflows =
            [
                .. SeedCatalog.WorkflowNames.Select(name => new SandboxWorkflow(
                    ids.NextGuid().ToString(), location.LocationId, name, "published", now.AddDays(-200))),
            ];
            if (options.PersonasEnabled)
            {
                // After every other seeded id, so turning personas on changes none of them.
                var found = PersonaSeeder.Create(location.LocationId, ids, new Random(unchecked((options.Seed * 104729) + index)), now);
                contacts.AddRange(found.Select(p => p.Contact));
                personas.AddRange(found);
            }

            locations.Add(data);
            seeded.Add((data, contacts));
        }

        var state = new SandboxState(options, locations);
        foreach (var (_, contacts) in seeded)
        {
            foreach (var contact in contacts)
            {
                state.AddContact(contact);
            }
        }

        foreach (var (contact, persona) in personas)
        {
            state.AssignPersona(contact.Id, persona);
        }

        return state;
    }

    private static SandboxContact NewContact(string locationId, IdGenerator ids, Random random, DateTimeOffset now)
    {
        var first = Pick(random, SeedCatalog.FirstNames);
        var last = Pick(random, SeedCatalog.LastNames);
        var city = Pick(random, SeedCatalog.Cities);
        var added = now.AddMinutes(-random.Next(10, 120 * 24 * 60));
        var updated = added.AddMinutes(random.NextDouble() * (now - added).TotalMinutes);
        var placement = random.NextDouble();
        var contact = new SandboxContact
        {
            Id = ids.Next(),
            LocationId = locationId,
            FirstName = first,
            LastName = last,
            Email = $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{random.Next(1, 999)}@{Pick(random, SeedCatalog.EmailDomains)}",
            Phone = random.NextDouble() < 0.04 ? null : NewPhone(random, city),
            Address1 = $"{random.Next(100, 9999)} {Pick(random, SeedCatalog.Streets)}",
            City = placement < 0.9 ? city.City : null,
            State = placement < 0.9 ? city.State : null,
            PostalCode = placement < 0.9 ? city.PostalCode : null,
            Timezone = placement < 0.3 ? city.TimeZone : null,
            Source = "sandbox seed",
            Dnd = random.NextDouble() < 0.03,
            DateAdded = added,
            DateUpdated = updated,
        };

        if (random.NextDouble() < 0.04)
        {
            contact.DndSettings["SMS"] = new SandboxDndSetting("active", "Opted out by STOP", "103");
        }

        var tagCount = random.Next(0, 3);
        for (var t = 0; t < tagCount; t++)
        {
            var tag = Pick(random, SeedCatalog.Tags);
            if (!contact.Tags.Contains(tag))
            {
                contact.Tags.Add(tag);
            }
        }

        return contact;
    }

    private static string NewPhone(Random random, SeedCity city)
    {
        var area = Pick(random, city.AreaCodes);
        int exchange;
        do
        {
            exchange = random.Next(200, 1000);
        }
        while (exchange == 555 || exchange % 100 == 11);

        return $"+1{area}{exchange}{random.Next(0, 10000):D4}";
    }

    private static SandboxPipeline NewPipeline(string locationId, IdGenerator ids)
    {
        var stages = SeedCatalog.StageNames.Select((name, position) => new SandboxStage(ids.NextGuid().ToString(), name, position)).ToArray();
        return new SandboxPipeline(ids.Next(), locationId, "Seller Leads", stages);
    }

    private static List<SandboxOpportunity> NewOpportunities(List<SandboxContact> contacts, SandboxPipeline pipeline, IdGenerator ids, Random random)
    {
        var result = new List<SandboxOpportunity>(contacts.Count / 3 + 1);
        for (var i = 0; i < contacts.Count; i += 3)
        {
            var contact = contacts[i];
            var stage = pipeline.Stages[random.Next(pipeline.Stages.Count)];
            result.Add(new SandboxOpportunity
            {
                Id = ids.Next(),
                LocationId = contact.LocationId,
                PipelineId = pipeline.Id,
                PipelineStageId = stage.Id,
                ContactId = contact.Id,
                Name = $"{contact.FirstName} {contact.LastName} - {contact.Address1}",
                MonetaryValue = random.Next(50, 600) * 1000m,
                // Some deals of the working stages were lost: a pipeline source must pass them over.
                Status = stage.Name == "Closed" ? "won" : random.NextDouble() < 0.1 ? "lost" : "open",
                Source = "sandbox seed",
                CreatedAt = contact.DateAdded,
                UpdatedAt = contact.DateUpdated,
                LastStageChangeAt = contact.DateUpdated,
            });
        }

        return result;
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
