using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Sourcing;

[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class SourcingApiTests
{
    [Theory]
    [InlineData("location_id=nowhere", "location_id")]
    [InlineData("", "location_id")]
    [InlineData("location_id={0}&sources=ghl_pipeline,craigslist", "sources")]
    [InlineData("location_id={0}&max_per_source=0", "max_per_source")]
    [InlineData("location_id={0}&max_per_source=lots", "max_per_source")]
    public async Task StartCycle_BadInput_Is400NamingTheField(string query, string field)
    {
        await using var host = await SourcingHost.StartAsync(worker: false);

        var response = await host.Client.PostAsync("/sdr/prospects/source?" + string.Format(System.Globalization.CultureInfo.InvariantCulture, query, host.LocationId), null);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task StartCycle_WhileOneIsQueued_Is409NamingIt()
    {
        await using var host = await SourcingHost.StartAsync(worker: false);
        var first = await host.Client.PostAsJsonAsync("/sdr/prospects/source", new { location_id = host.LocationId, sources = new[] { "stale_lead" }, max_per_source = 5 });
        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cycle_id").GetInt64();

        var second = await host.Client.PostAsync($"/sdr/prospects/source?location_id={host.LocationId}", null);

        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("running_cycle_id").GetInt64().ShouldBe(id);
        problem.GetProperty("detail").GetString()!.ShouldContain($"/sdr/prospects/source/{id}");
    }

    [Fact]
    public async Task StartCycle_JsonBody_IsAcceptedWithItsFields()
    {
        await using var host = await SourcingHost.StartAsync(worker: false);

        var response = await host.Client.PostAsJsonAsync("/sdr/prospects/source", new { location_id = host.LocationId, sources = new[] { "ghl_pipeline" }, max_per_source = 7 });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().ShouldBe("queued");
        body.GetProperty("sources").EnumerateArray().Select(s => s.GetString()).ShouldBe(["ghl_pipeline"]);
        body.GetProperty("max_per_source").GetInt32().ShouldBe(7);
        var view = await host.Client.GetFromJsonAsync<JsonElement>($"/sdr/prospects/source/{body.GetProperty("cycle_id").GetInt64()}");
        view.GetProperty("status").GetString().ShouldBe("queued");
        view.GetProperty("trigger").GetString().ShouldBe("api");
    }

    [Fact]
    public async Task GetCycle_UnknownId_Is404()
    {
        await using var host = await SourcingHost.StartAsync(worker: false);

        var response = await host.Client.GetAsync("/sdr/prospects/source/987654");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe("No such prospecting cycle");
    }

    [Fact]
    public async Task StartCycle_WithAnApiKeyConfigured_RefusesACallerWithoutIt()
    {
        await using var host = await SourcingHost.StartAsync(worker: false, settings: new Dictionary<string, string?> { ["Sdr:ApiKey"] = "admin-key" });

        var response = await host.Client.PostAsync($"/sdr/prospects/source?location_id={host.LocationId}", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
