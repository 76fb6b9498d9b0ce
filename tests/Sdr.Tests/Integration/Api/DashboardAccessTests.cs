using System.Net;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Api;

/// <summary>Who may open the dashboard, without a browser: no key means local callers only; a key means the sign-in.</summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class DashboardAccessTests
{
    [Fact]
    public async Task WithoutAnApiKey_TheDashboardOpensForALocalCaller_WithNoSignIn()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);

        var overview = await host.Client.GetAsync("/");
        overview.StatusCode.ShouldBe(HttpStatusCode.OK);
        overview.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await overview.Content.ReadAsStringAsync()).ShouldNotContain("Sign out");
        (await host.Client.GetStringAsync("/sign-in")).ShouldContain("needs no sign-in");
    }

    [Fact]
    public async Task WithAnApiKey_EveryPageSendsTheCallerToSignIn_AndAPostWithoutTheFormTokenSignsNobodyIn()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite, new Dictionary<string, string?> { ["Sdr:ApiKey"] = "k-123" });

        foreach (var path in new[] { "/", "/contacts", "/contacts/abc", "/objections", "/experiments" })
        {
            var response = await host.Client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/sign-in", path);
            (await response.Content.ReadAsStringAsync()).ShouldContain("Sign in with the server's admin API key");
        }

        // The right key without the form's anti-forgery field, as a cross-site form would post it.
        var forged = await host.Client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["api_key"] = "k-123" }));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await host.Client.GetAsync("/contacts")).RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/sign-in");
    }
}
