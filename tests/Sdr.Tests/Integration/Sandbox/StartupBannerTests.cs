using Microsoft.Extensions.Options;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Hours;
using Sdr.Sandbox;
using Sdr.Server.Hosting;

namespace Sdr.Tests.Integration.Sandbox;

public sealed class StartupBannerTests
{
    private const string Url = "http://localhost:5080";

    [Fact]
    public async Task SandboxLines_AtMidMorningInLondon_ListOnlyTheLondonPersonas()
    {
        // 12:30 UTC: 07:30 in Atlanta, 02:30 in Honolulu, 22:30 in Guam; only London is inside 08:00-21:00.
        var now = new DateTimeOffset(2026, 3, 2, 12, 30, 0, TimeSpan.Zero);
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { ContactsPerLocation = 5, PersonasEnabled = true });
        var policy = new QuietHoursPolicy(Options.Create(new HoursOptions()));

        var lines = StartupBanner.SandboxLines(Url, sandbox, policy, now).ToList();

        var listed = Listed(sandbox, lines);
        listed.Count.ShouldBe(SandboxPersonas.All.Count);
        listed.Select(p => p.Persona).ShouldBe(SandboxPersonas.All);
        listed.ShouldAllBe(p => p.TimeZone == "Europe/London");
        lines.ShouldContain(l => l.Contains("12:30 in Europe/London", StringComparison.Ordinal));
        var readyBuyer = listed.Single(p => p.Persona == SandboxPersona.ReadyBuyer).ContactId;
        lines.ShouldContain($"    curl -s -X POST {Url}/sdr/prospects/enroll -H 'Content-Type: application/json' -d '{{\"contact_ids\":[\"{readyBuyer}\"],\"location_id\":\"sandbox-location-1\"}}'");
        lines.ShouldContain($"    curl -s {Url}/sdr/sequences/{readyBuyer}");
    }

    [Fact]
    public async Task SandboxLines_AtEveryHour_ListOnlyPersonasTheProductMayTextNow()
    {
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { ContactsPerLocation = 5, PersonasEnabled = true });
        var policy = new QuietHoursPolicy(Options.Create(new HoursOptions()));

        for (var hour = 0; hour < 24; hour++)
        {
            var now = new DateTimeOffset(2026, 7, 6, hour, 5, 0, TimeSpan.Zero);
            var listed = Listed(sandbox, StartupBanner.SandboxLines(Url, sandbox, policy, now).ToList());

            listed.Count.ShouldBe(SandboxPersonas.All.Count, $"at {now:HH:mm} UTC");
            foreach (var persona in listed)
            {
                var contact = sandbox.State.GetContact(persona.ContactId)!;
                policy.Check(now.UtcDateTime, new RecipientInfo(contact.Timezone, contact.State, contact.Phone)).IsAllowed.ShouldBeTrue();
                var local = persona.LocalTime(now);
                local.Hour.ShouldBeInRange(8, 20);
            }
        }
    }

    [Fact]
    public async Task SandboxLines_WithoutPersonas_OfferAPlainContact()
    {
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { ContactsPerLocation = 5 });
        var policy = new QuietHoursPolicy(Options.Create(new HoursOptions()));

        var lines = StartupBanner.SandboxLines(Url, sandbox, policy, DateTimeOffset.UtcNow).ToList();

        lines.ShouldNotContain(l => l.Contains("Scripted prospects", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("/sdr/prospects/enroll", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://[::]:5080", "http://localhost:5080/sdr/webhook/")]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080/sdr/webhook/")]
    [InlineData("https://localhost:5001;http://localhost:5080", "http://localhost:5080/sdr/webhook/")]
    [InlineData("http://127.0.0.1:41234", "http://127.0.0.1:41234/sdr/webhook/")]
    public void WebhookBase_OfTheListeningAddresses_IsTheProductsWebhookPath(string addresses, string expected) =>
        EmbeddedSandbox.WebhookBase(addresses.Split(';')).ShouldBe(new Uri(expected));

    private static List<PersonaContact> Listed(GhlSandbox sandbox, List<string> lines) =>
        [.. sandbox.State.PersonaContacts("sandbox-location-1").Where(p => lines.Any(l => l.Contains(p.ContactId, StringComparison.Ordinal) && !l.Contains("curl", StringComparison.Ordinal)))];
}
