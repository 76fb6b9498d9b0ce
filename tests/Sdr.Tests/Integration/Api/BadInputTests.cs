using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Api;

[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class BadInputTests : IAsyncLifetime
{
    private SdrTestHost _host = null!;

    public async Task InitializeAsync() => _host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/sdr/prospects/NeverEnrolled0000001")]
    [InlineData("/sdr/sequences/NeverEnrolled0000001")]
    public async Task UnknownContact_Is404ProblemDetails(string path)
    {
        var response = await _host.Client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("NeverEnrolled0000001");
    }

    [Theory]
    [InlineData("{\"contact_ids\": \"abc\", \"location_id\": \"x\"}", "contact_ids")]
    [InlineData("{\"location_id\": \"sandbox-location-1\"}", "contact_ids")]
    [InlineData("{\"contact_ids\": [], \"location_id\": \"sandbox-location-1\"}", "contact_ids")]
    [InlineData("{\"contact_ids\": [\"abc\"]}", "location_id")]
    [InlineData("{\"contact_ids\": [\"abc\"], \"location_id\": \"someone-elses-location\"}", "location_id")]
    [InlineData("{\"contact_ids\": [\"abc\"], \"location_id\": \"sandbox-location-1\", \"lead_type\": \"alien\"}", "lead_type")]
    [InlineData("{\"contact_ids\": [\"bad id!\"], \"location_id\": \"sandbox-location-1\"}", "contact_ids[0]")]
    public async Task BadEnrolment_Is400NamingTheField_AndWritesNothing(string json, string field)
    {
        var response = await _host.Client.PostAsync("/sdr/prospects/enroll", new StringContent(json, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
        (await _host.WithDbAsync(db => db.Prospects.CountAsync())).ShouldBe(0);
        _host.Sandbox.State.SentMessages.ShouldBeEmpty();
    }

    [Fact]
    public async Task MalformedJson_Is400ProblemDetails()
    {
        var response = await _host.Client.PostAsync("/sdr/prospects/enroll", new StringContent("{\"contact_ids\": [\"a\"], \"location_id\": ", Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe("Malformed JSON");
    }

    [Fact]
    public async Task MoreThan500Ids_Is400()
    {
        var ids = Enumerable.Range(0, 501).Select(i => $"contact{i}").ToArray();

        var response = await _host.Client.PostAsJsonAsync("/sdr/prospects/enroll", new { contact_ids = ids, location_id = _host.LocationId });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("at most 500");
        _host.Sandbox.State.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("batch_size=0")]
    [InlineData("batch_size=abc")]
    [InlineData("batch_size=100000")]
    [InlineData("location_id=bad%20id")]
    public async Task BadBatchParameters_Are400(string query)
    {
        var response = await _host.Client.PostAsync($"/sdr/sequences/process-batch?{query}", null);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain(query.Split('=')[0]);
    }

    [Fact]
    public async Task Health_AndOpenApiDocument_AreServed()
    {
        (await _host.Client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _host.Client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await _host.Client.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/sdr/prospects/enroll", "/sdr/prospects/{contact_id}", "/sdr/sequences/process-batch", "/sdr/sequences/{contact_id}" })
        {
            document.ShouldContain(path);
        }
    }
}
