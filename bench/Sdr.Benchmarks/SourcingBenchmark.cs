using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Sdr.Sandbox;

namespace Sdr.Benchmarks;

/// <summary>
/// One prospecting cycle (ghl_pipeline + stale_lead) over a sandbox seeded with <c>--contacts</c> contacts, the
/// sandbox's GHL rate limit on (100 requests / 10 s per location, as GHL) and the product's own pacing. Reports the
/// wall time, the GHL calls the sandbox recorded per endpoint, and the search calls against the fewest the data needs:
/// per stage ceil(open opportunities / 100) (GET /opportunities/search pages at most 100), ceil(contacts updated
/// before the cut-off / 500) (POST /contacts/search pages at most 500) and max(1, ceil(conversations with a message
/// since the cut-off / 100)) (GET /conversations/search pages at most 100). Enrolment's own calls (GET /contacts/{id},
/// SMS_1) are counted apart.
/// <c>dotnet run -c Release --project bench/Sdr.Benchmarks -- sourcing [--contacts 50000] [--max-per-source 100] [--max-per-cycle 200]</c>
/// </summary>
internal static class SourcingBenchmark
{
    private const string Location = "bench-location-1";
    private const string Token = "bench-token-1";

    public static async Task<int> RunAsync(string[] args)
    {
        var contacts = 50_000;
        var maxPerSource = 100;
        var maxPerCycle = 200;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--contacts":
                    contacts = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--max-per-source":
                    maxPerSource = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--max-per-cycle":
                    maxPerCycle = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    Console.Error.WriteLine("usage: sourcing [--contacts 50000] [--max-per-source 100] [--max-per-cycle 200]");
                    return 2;
            }
        }

        var seeding = Stopwatch.StartNew();
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions
        {
            Locations = [new SandboxLocation(Location, Token)],
            ContactsPerLocation = contacts,
            RateLimitEnabled = true,
            MaxRecordedRequests = 1_000_000,
        });
        Console.WriteLine($"sandbox seeded with {contacts:N0} contacts in {seeding.Elapsed.TotalSeconds:F1} s: {sandbox.BaseUrl}");
        var stages = sandbox.State.Pipelines(Location).SelectMany(p => p.Stages).Where(s => s.Name != "Closed").Select(s => s.Id).ToList();
        var dataDirectory = Directory.CreateTempSubdirectory("sdr-bench-sourcing-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Ghl__BaseUrl"] = sandbox.BaseUrl.ToString(),
            ["Ghl__Locations__0__LocationId"] = Location,
            ["Ghl__Locations__0__Token"] = Token,
            ["Sdr__DataDirectory"] = dataDirectory,
            ["Sdr__CadenceWorker__Enabled"] = "false",
            [Sdr.Core.Security.FernetKeyRing.EnvironmentVariable] = Sdr.Core.Security.FernetKeyRing.GenerateKey(),
            ["SDR_PIPELINE_STAGE_IDS"] = string.Join(',', stages),
            ["sdr__prospecting__max_prospects_per_cycle"] = maxPerCycle.ToString(CultureInfo.InvariantCulture),
            ["sdr__prospecting__poll_seconds"] = "1",
            // Enrolment is not what is measured: let the cycle enrol its max_prospects_per_cycle within the hour.
            ["sdr__rate_limits__max_enrollments_per_hour"] = "10000",
            ["sdr__rate_limits__daily_sms_cap"] = "1000000",
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Sdr"] = null,
            ["ASPNETCORE_TEST_CONTENTROOT_SDR"] = CadenceBenchmark.FindServerContentRoot(),
        };
        foreach (var (key, value) in settings)
        {
            Environment.SetEnvironmentVariable(key, value);
        }

        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder.UseEnvironment("Development"));
        _ = factory.Services;
        using var client = factory.CreateClient();
        var cutoff = DateTimeOffset.UtcNow.AddDays(-14);

        // The fewest calls, from the data as the cycle finds it (its own texts later add recent conversations).
        var stageSet = stages.ToHashSet();
        var minimumPipeline = sandbox.State.Opportunities(Location)
            .Where(o => o.Status == "open" && stageSet.Contains(o.PipelineStageId))
            .GroupBy(o => o.PipelineStageId)
            .Sum(g => (g.Count() + 99) / 100);
        var stale = sandbox.State.Contacts(Location).Count(c => c.DateUpdated < cutoff);
        var recentConversations = sandbox.State.Contacts(Location).Count(c => sandbox.State.ConversationForContact(c.Id)?.LastMessage?.DateAdded >= cutoff);
        var minimumStale = ((stale + 499) / 500) + Math.Max(1, (recentConversations + 99) / 100);
        sandbox.State.ClearRecordings();

        var wall = Stopwatch.StartNew();
        var response = await client.PostAsync($"/sdr/prospects/source?location_id={Location}&sources=ghl_pipeline,stale_lead&max_per_source={maxPerSource}", null);
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cycle_id").GetInt64();
        JsonElement cycle;
        while (true)
        {
            cycle = await client.GetFromJsonAsync<JsonElement>($"/sdr/prospects/source/{id}");
            if (cycle.GetProperty("status").GetString() is "completed" or "failed")
            {
                break;
            }

            await Task.Delay(200);
        }

        wall.Stop();
        var requests = sandbox.State.Requests.Where(r => r.At >= DateTimeOffset.UtcNow.AddHours(-1)).ToList();
        int Calls(Func<RecordedRequest, bool> which) => requests.Count(which);
        var opportunitySearches = Calls(r => r.Path == "/opportunities/search");
        var contactSearches = Calls(r => r.Path == "/contacts/search");
        var conversationSearches = Calls(r => r.Path == "/conversations/search");
        var contactReads = Calls(r => r.Method == "GET" && r.Path.StartsWith("/contacts/", StringComparison.Ordinal) && r.Path != "/contacts/search");
        var sends = Calls(r => r.Path == "/conversations/messages");
        var limited = Calls(r => r.StatusCode == 429);
        var limitedSearches = Calls(r => r.StatusCode == 429 && r.Path.EndsWith("/search", StringComparison.Ordinal));

        var searches = opportunitySearches + contactSearches + conversationSearches;
        var minimum = minimumPipeline + minimumStale;

        var counts = cycle.GetProperty("counts");
        Console.WriteLine($"cycle {id}: {cycle.GetProperty("status").GetString()} in {wall.Elapsed.TotalSeconds:F1} s wall");
        Console.WriteLine($"found {counts.GetProperty("found").GetInt32():N0}, enrolled {counts.GetProperty("enrolled").GetInt32()}, skipped {counts.GetProperty("skipped").GetInt32():N0} {counts.GetProperty("skipped_by_reason")}, errors {counts.GetProperty("errors").GetInt32()}");
        Console.WriteLine();
        Console.WriteLine("| contacts | wall s | opportunity searches | contact searches | conversation searches | search calls (429s) | fewest needed | ratio | ratio without 429s | GET /contacts/{id} (enrolment) | SMS sent | 429s in all |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| {contacts:N0} | {wall.Elapsed.TotalSeconds:F1} | {opportunitySearches} | {contactSearches} | {conversationSearches} | {searches} ({limitedSearches}) | {minimum} | {(double)searches / minimum:F2}x | {(double)(searches - limitedSearches) / minimum:F2}x | {contactReads} | {sends} | {limited} |");
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold its files for a moment.
        }

        return cycle.GetProperty("status").GetString() == "completed" ? 0 : 1;
    }
}
