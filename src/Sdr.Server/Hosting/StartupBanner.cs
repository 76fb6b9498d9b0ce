using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Hours;
using Sdr.Sandbox;

namespace Sdr.Server.Hosting;

internal static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? "http://localhost:5000";
        var sandbox = app.Services.GetService<EmbeddedSandbox>()?.Sandbox;
        Console.WriteLine();
        Console.WriteLine($"SDR Agent is listening on {string.Join(", ", addresses)}");
        Console.WriteLine($"  Dashboard:     {url}/  {DashboardAccess(app.Configuration)}");
        Console.WriteLine($"  API document:  {url}/openapi/v1.json");
        Console.WriteLine($"  Health:        {url}/health/ready");
        if (sandbox is not null)
        {
            var policy = app.Services.GetRequiredService<QuietHoursPolicy>();
            var now = (app.Services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
            foreach (var line in SandboxLines(url, sandbox, policy, now))
            {
                Console.WriteLine(line);
            }
        }

        Console.WriteLine();
    }

    internal static string DashboardAccess(IConfiguration configuration) =>
        string.IsNullOrEmpty(configuration["Sdr:ApiKey"])
            ? "(no Sdr__ApiKey set: open to this machine only, no sign-in)"
            : "(sign in with the Sdr__ApiKey value)";

    /// <summary>
    /// The sandbox's part of the banner: one persona contact of each persona that may be texted now
    /// (the product's own hours rules), and an enrol line for a ready buyer among them, else for a plain contact.
    /// </summary>
    internal static IEnumerable<string> SandboxLines(string url, GhlSandbox sandbox, QuietHoursPolicy policy, DateTimeOffset now)
    {
        var location = sandbox.State.Locations[0].LocationId;
        yield return $"  GHL:           in-process sandbox at {sandbox.BaseUrl} (no Ghl token configured), location {location}";
        var inHours = PersonasInHours(sandbox.State, location, policy, now);
        if (inHours.Count > 0)
        {
            yield return "  Scripted prospects inside their allowed hours now (they answer our messages within seconds):";
            foreach (var (persona, contact) in inHours)
            {
                var local = persona.LocalTime(now).ToString("HH:mm", CultureInfo.InvariantCulture);
                yield return $"    {persona.Persona.Label(),-21} {contact.Id}  {contact.FirstName} {contact.LastName}, {local} in {persona.TimeZone}";
            }
        }

        var example = inHours.FirstOrDefault(p => p.Persona.Persona == SandboxPersona.ReadyBuyer).Contact?.Id
            ?? sandbox.State.Contacts(location).First(c => !string.IsNullOrEmpty(c.Phone) && !c.Dnd && sandbox.State.PersonaOf(c.Id) is null).Id;
        yield return inHours.Any(p => p.Contact.Id == example) ? "  Try (a ready buyer: replies, qualification, a booking):" : "  Try:";
        yield return $"    curl -s -X POST {url}/sdr/prospects/enroll -H 'Content-Type: application/json' -d '{{\"contact_ids\":[\"{example}\"],\"location_id\":\"{location}\"}}'";
        yield return $"    curl -s {url}/sdr/sequences/{example}";
    }

    private static List<(PersonaContact Persona, SandboxContact Contact)> PersonasInHours(SandboxState state, string location, QuietHoursPolicy policy, DateTimeOffset now)
    {
        var result = new List<(PersonaContact, SandboxContact)>();
        foreach (var group in state.PersonaContacts(location).GroupBy(p => p.Persona))
        {
            foreach (var persona in group)
            {
                if (state.GetContact(persona.ContactId) is { } contact
                    && policy.Check(now.UtcDateTime, new RecipientInfo(persona.TimeZone, contact.State, contact.Phone)).IsAllowed)
                {
                    result.Add((persona, contact));
                    break;
                }
            }
        }

        return result;
    }
}
