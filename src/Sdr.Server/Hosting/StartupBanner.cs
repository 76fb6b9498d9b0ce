using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

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
        Console.WriteLine($"  API document:  {url}/openapi/v1.json");
        Console.WriteLine($"  Health:        {url}/health/ready");
        if (sandbox is not null)
        {
            var location = sandbox.State.Locations[0].LocationId;
            var contact = sandbox.State.Contacts(location).First(c => !string.IsNullOrEmpty(c.Phone) && !c.Dnd).Id;
            Console.WriteLine($"  GHL:           in-process sandbox at {sandbox.BaseUrl} (no Ghl token configured), location {location}");
            Console.WriteLine("  Try:");
            Console.WriteLine($"    curl -s -X POST {url}/sdr/prospects/enroll -H 'Content-Type: application/json' -d '{{\"contact_ids\":[\"{contact}\"],\"location_id\":\"{location}\"}}'");
            Console.WriteLine($"    curl -s {url}/sdr/sequences/{contact}");
        }

        Console.WriteLine();
    }
}
