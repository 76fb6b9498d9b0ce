using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Api;

[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class GhlFailureTests
{
    [Fact]
    public async Task WrongGhlToken_GivesAClearError_NoRetryStorm_NothingWritten()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite, token: "not-the-right-token");
        var contacts = host.TextableContacts(5).Select(c => c.Id).ToArray();

        var response = await host.EnrollAsync(contacts);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("total_enrolled").GetInt32().ShouldBe(0);
        var errors = body.GetProperty("errors").EnumerateArray().ToList();
        errors.Count.ShouldBe(5);
        errors.ShouldAllBe(e => e.GetProperty("error").GetString()!.Contains("rejected the token"));
        host.Sandbox.State.Requests.Count(r => r.StatusCode == 401).ShouldBeLessThanOrEqualTo(host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Sdr.Core.Configuration.PerformanceOptions>>().Value.DispatchConcurrency);
        (await host.WithDbAsync(db => db.Prospects.CountAsync())).ShouldBe(0);
        (await host.WithDbAsync(db => db.Sequences.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task AdminKey_WhenConfigured_IsRequired()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite, new Dictionary<string, string?> { ["Sdr:ApiKey"] = "s3cret-admin-key" });

        var anonymous = await host.Client.PostAsync("/sdr/sequences/process-batch", null);
        host.Client.DefaultRequestHeaders.Add("X-Api-Key", "wrong");
        var wrong = await host.Client.PostAsync("/sdr/sequences/process-batch", null);
        host.Client.DefaultRequestHeaders.Remove("X-Api-Key");
        host.Client.DefaultRequestHeaders.Add("X-Api-Key", "s3cret-admin-key");
        var right = await host.Client.PostAsync("/sdr/sequences/process-batch", null);

        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.Client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
