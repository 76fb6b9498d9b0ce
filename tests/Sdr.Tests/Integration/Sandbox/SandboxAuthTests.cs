using System.Net;
using Sdr.Sandbox;

namespace Sdr.Tests.Integration.Sandbox;

public sealed class SandboxAuthTests
{
    [Fact]
    public async Task UnknownTokenIsRejectedWithGhl401Shape()
    {
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { ContactsPerLocation = 5 });
        using var http = SandboxHttp.Client(sandbox, token: "not-a-real-token");
        var contact = sandbox.State.Contacts("sandbox-location-1")[0];

        using var response = await http.SendAsync(SandboxHttp.Request(HttpMethod.Get, $"contacts/{contact.Id}", SandboxHttp.ContactsVersion));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var body = await SandboxHttp.Json(response);
        body.GetProperty("statusCode").GetInt32().ShouldBe(401);
        body.GetProperty("message").GetString().ShouldBe("Invalid JWT");
        body.GetProperty("error").GetString().ShouldBe("Unauthorized");
        body.GetProperty("traceId").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task MissingVersionHeaderIsA400NamingTheHeader()
    {
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { ContactsPerLocation = 5 });
        using var http = SandboxHttp.Client(sandbox);
        var contact = sandbox.State.Contacts("sandbox-location-1")[0];

        using var response = await http.SendAsync(SandboxHttp.Request(HttpMethod.Get, $"contacts/{contact.Id}", version: null));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SandboxHttp.Json(response)).GetProperty("message").GetString()!.ShouldContain("Version");
    }

    [Fact]
    public async Task TokenOfOneLocationCannotReadAnotherLocationsContact()
    {
        var options = new SandboxOptions
        {
            ContactsPerLocation = 5,
            Locations = [new SandboxLocation("loc-a", "token-a"), new SandboxLocation("loc-b", "token-b", "America/New_York")],
        };
        await using var sandbox = await GhlSandbox.StartAsync(options);
        using var http = SandboxHttp.Client(sandbox, token: "token-a");
        var foreign = sandbox.State.Contacts("loc-b")[0];

        using var response = await http.SendAsync(SandboxHttp.Request(HttpMethod.Get, $"contacts/{foreign.Id}", SandboxHttp.ContactsVersion));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task UnknownContactIs404AndUnknownPathIsJson404()
    {
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { ContactsPerLocation = 5 });
        using var http = SandboxHttp.Client(sandbox);

        using var contact = await http.SendAsync(SandboxHttp.Request(HttpMethod.Get, "contacts/doesNotExist12345678", SandboxHttp.ContactsVersion));
        using var path = await http.SendAsync(SandboxHttp.Request(HttpMethod.Get, "no/such/thing", SandboxHttp.ContactsVersion));

        contact.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        path.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await SandboxHttp.Json(path)).GetProperty("statusCode").GetInt32().ShouldBe(404);
    }
}
