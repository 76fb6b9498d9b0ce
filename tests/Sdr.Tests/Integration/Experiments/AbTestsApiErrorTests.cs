using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Experiments;

/// <summary>What /sdr/ab-tests refuses, and how: 400 naming the field, 404, 409.</summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class AbTestsApiErrorTests : IAsyncLifetime
{
    private SdrTestHost _host = null!;

    public async Task InitializeAsync() => _host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("""{"name": "x", "variants": [{"name": "consultative", "weight": 100}]}""", "variants")]
    [InlineData("""{"name": "x", "variants": [{"name": "consultative", "weight": 50}, {"name": "direct", "weight": 40}]}""", "variants")]
    [InlineData("""{"name": "x", "variants": [{"name": "direct", "weight": 50}, {"name": "direct", "weight": 50}]}""", "variants[1].name")]
    [InlineData("""{"name": "x", "variants": [{"name": "consultative", "weight": 50}, {"name": "shouty", "weight": 50}]}""", "variants[1].name")]
    [InlineData("""{"name": "x", "variants": [{"name": "consultative", "weight": 50}, {"name": "direct", "weight": 0}]}""", "variants[1].weight")]
    [InlineData("""{"name": "x", "variants": [{"name": "consultative", "weight": 50}, {"name": "fast", "weight": 50, "step_timing": {"sms_9": {"min_hours": 1, "max_hours": 2}}}]}""", "variants[1].step_timing.sms_9")]
    [InlineData("""{"name": "x", "metric": "open_rate", "variants": [{"name": "consultative", "weight": 50}, {"name": "direct", "weight": 50}]}""", "metric")]
    [InlineData("""{"name": "x", "location_id": "someone-elses", "variants": [{"name": "consultative", "weight": 50}, {"name": "direct", "weight": 50}]}""", "location_id")]
    [InlineData("""{"variants": [{"name": "consultative", "weight": 50}, {"name": "direct", "weight": 50}]}""", "name")]
    public async Task BadTest_Is400NamingTheField_AndStoresNothing(string json, string field)
    {
        var response = await _host.Client.PostAsync("/sdr/ab-tests", new StringContent(json, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
        (await _host.WithDbAsync(db => db.AbTests.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData("GET", "/sdr/ab-tests/999")]
    [InlineData("POST", "/sdr/ab-tests/999/stop")]
    [InlineData("POST", "/sdr/ab-tests/999/promote")]
    public async Task UnknownId_Is404ProblemDetails(string method, string path)
    {
        var response = await _host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("999");
    }

    [Fact]
    public async Task PromotingTwice_OrStoppingAPromotedTest_Is409_AndTheWinnerStays()
    {
        var id = await CreateAsync();

        (await PromoteAsync(id, "direct")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await PromoteAsync(id, "consultative");
        var stop = await _host.Client.PostAsync($"/sdr/ab-tests/{id}/stop", null);

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("already promoted");
        stop.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var test = await _host.Client.GetFromJsonAsync<JsonElement>($"/sdr/ab-tests/{id}");
        test.GetProperty("experiment").GetProperty("winner").GetString().ShouldBe("direct");
    }

    [Fact]
    public async Task AStoppedTest_CanStillBePromoted_ButNotStoppedAgain()
    {
        var id = await CreateAsync();

        var stop = await _host.Client.PostAsync($"/sdr/ab-tests/{id}/stop", null);
        var stopAgain = await _host.Client.PostAsync($"/sdr/ab-tests/{id}/stop", null);
        var promote = await PromoteAsync(id, "direct");

        stop.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stop.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("stopped");
        stopAgain.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        promote.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await promote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("promoted");
    }

    [Fact]
    public async Task PromotingAnUnknownVariant_Is400OnVariant()
    {
        var id = await CreateAsync();

        var response = await PromoteAsync(id, "bold");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("variant", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task PromotingWithoutAVariant_BeforeAnyAssignment_Is409AskingForOne()
    {
        var id = await CreateAsync();

        var response = await _host.Client.PostAsync($"/sdr/ab-tests/{id}/promote", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("name the variant");
    }

    [Fact]
    public async Task List_ShowsEveryTest_NewestFirst_WithItsVariants()
    {
        var first = await CreateAsync();
        var second = await CreateAsync();

        var list = (await _host.Client.GetFromJsonAsync<JsonElement>("/sdr/ab-tests")).EnumerateArray().ToList();

        list.Select(t => t.GetProperty("id").GetInt64()).ShouldBe([second, first]);
        var variants = list[0].GetProperty("variants").EnumerateArray().ToList();
        variants.Select(v => v.GetProperty("name").GetString()).ShouldBe(["consultative", "direct"]);
        variants[0].GetProperty("is_control").GetBoolean().ShouldBeTrue();
        variants[1].GetProperty("tone").GetString().ShouldBe("brief");
    }

    private async Task<long> CreateAsync()
    {
        var test = await AbTestHttp.CreateAsync(_host, new { name = "Opener", variants = new object[] { new { name = "consultative", weight = 50 }, new { name = "direct", weight = 50, tone = "brief" } } });
        return test.GetProperty("id").GetInt64();
    }

    private Task<HttpResponseMessage> PromoteAsync(long id, string variant) =>
        _host.Client.PostAsJsonAsync($"/sdr/ab-tests/{id}/promote", new { variant });
}
