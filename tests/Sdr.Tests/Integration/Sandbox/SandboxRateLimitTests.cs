using System.Net;
using Sdr.Sandbox;

namespace Sdr.Tests.Integration.Sandbox;

public sealed class SandboxRateLimitTests
{
    [Fact]
    public async Task Request101InAWindowGets429WithHeadersAndTheNextWindowRecovers()
    {
        // Long enough that the 100 requests fit in one window even on a loaded machine (1.5 s did not, once, beside a build).
        var window = TimeSpan.FromMilliseconds(4000);
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { ContactsPerLocation = 5, Window = window });
        using var http = SandboxHttp.Client(sandbox);
        var path = "workflows/?locationId=sandbox-location-1";

        for (var i = 0; i < 100; i++)
        {
            using var ok = await http.SendAsync(SandboxHttp.Request(HttpMethod.Get, path, SandboxHttp.ContactsVersion));
            ok.StatusCode.ShouldBe(HttpStatusCode.OK);
            ok.Headers.GetValues("X-RateLimit-Remaining").Single().ShouldBe((99 - i).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        using var limited = await http.SendAsync(SandboxHttp.Request(HttpMethod.Get, path, SandboxHttp.ContactsVersion));
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.GetValues("X-RateLimit-Max").Single().ShouldBe("100");
        limited.Headers.GetValues("X-RateLimit-Remaining").Single().ShouldBe("0");
        limited.Headers.GetValues("X-RateLimit-Interval-Milliseconds").Single().ShouldBe("4000");
        limited.Headers.GetValues("X-RateLimit-Limit-Daily").Single().ShouldBe("200000");
        limited.Headers.GetValues("X-RateLimit-Daily-Remaining").Single().ShouldBe("199900");
        limited.Headers.RetryAfter.ShouldNotBeNull();

        await Task.Delay(window + TimeSpan.FromMilliseconds(200));
        using var recovered = await http.SendAsync(SandboxHttp.Request(HttpMethod.Get, path, SandboxHttp.ContactsVersion));
        recovered.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SwitchingRateLimitOffAtRunTimeLetsBurstsThrough()
    {
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { ContactsPerLocation = 5, RequestsPerWindow = 3 });
        sandbox.State.RateLimitEnabled = false;
        using var http = SandboxHttp.Client(sandbox);

        for (var i = 0; i < 10; i++)
        {
            using var response = await http.SendAsync(SandboxHttp.Request(HttpMethod.Get, "workflows/?locationId=sandbox-location-1", SandboxHttp.ContactsVersion));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Headers.Contains("X-RateLimit-Remaining").ShouldBeFalse();
        }
    }
}
