using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sdr.Core.Experiments;
using Sdr.Tests.Integration.Support;

namespace Sdr.Tests.Integration.Experiments;

/// <summary>The /sdr/ab-tests calls the experiment tests make.</summary>
internal static class AbTestHttp
{
    public static async Task<JsonElement> CreateAsync(SdrTestHost host, object body)
    {
        var response = await host.Client.PostAsJsonAsync("/sdr/ab-tests", body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json;
    }

    public static async Task<JsonElement> ResultsAsync(SdrTestHost host, long id)
    {
        var response = await host.Client.GetAsync($"/sdr/ab-tests/{id}");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        return json;
    }

    public static JsonElement Variant(JsonElement results, string name) =>
        results.GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);

    /// <summary>Textable contacts of the sandbox that test <paramref name="id"/> assigns to <paramref name="variant"/>.</summary>
    public static List<string> ContactsOf(SdrTestHost host, long id, WeightedVariant[] variants, string variant, int count) =>
        host.TextableContacts(120).Select(c => c.Id).Where(c => VariantAssignment.Pick(id, c, variants) == variant).Take(count).ToList();

    /// <summary>Enrols, then sends the SMS_1 planned for now as the woken cadence worker would.</summary>
    public static async Task<JsonElement> EnrollAsync(SdrTestHost host, IEnumerable<string> contactIds, string? variant = null)
    {
        var ids = contactIds.ToArray();
        var response = await host.Client.PostAsJsonAsync(
            "/sdr/prospects/enroll",
            new { contact_ids = ids, location_id = host.LocationId, sequence_variant = variant });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        await host.SendDueFirstTouchesAsync(ids);
        return json;
    }
}
