using System.Net.Http.Json;
using System.Text.Json;
using Sdr.Tests.Integration.Support;

namespace Sdr.Tests.Integration.Sourcing;

/// <summary>A test host whose prospecting reads the sandbox pipeline's working stages, and helpers to follow a cycle.</summary>
internal static class SourcingHost
{
    public static async Task<SdrTestHost> StartAsync(bool worker = true, IDictionary<string, string?>? settings = null, string provider = TestDatabases.Sqlite)
    {
        // The host's sandbox is seeded like this one (same seed and size), so its pipeline has the same stage ids.
        await using var twin = await Sdr.Sandbox.GhlSandbox.StartAsync(new Sdr.Sandbox.SandboxOptions { RateLimitEnabled = false, ContactsPerLocation = 120 });
        var config = new Dictionary<string, string?>(StageSettings(twin))
        {
            ["Sdr:ProspectingWorker:Enabled"] = worker ? "true" : "false",
            ["sdr:prospecting:poll_seconds"] = "1",
            ["sdr:prospecting:cooldown_days"] = "30",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var host = await SdrTestHost.StartAsync(provider, config);
        return host;
    }

    /// <summary>The stage ids of the sandbox pipeline other than "Closed", as settings.</summary>
    public static Dictionary<string, string?> StageSettings(Sdr.Sandbox.GhlSandbox sandbox)
    {
        var location = sandbox.State.Locations[0].LocationId;
        var stages = sandbox.State.Pipelines(location).SelectMany(p => p.Stages).Where(s => s.Name != "Closed").ToList();
        return stages.Select((s, i) => (Key: $"sdr:prospecting:ghl_pipeline_stage_ids:{i}", Value: (string?)s.Id)).ToDictionary(p => p.Key, p => p.Value);
    }

    public static async Task<JsonElement> WaitForCycleAsync(SdrTestHost host, long id, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var cycle = await host.Client.GetFromJsonAsync<JsonElement>($"/sdr/prospects/source/{id}");
            var status = cycle.GetProperty("status").GetString();
            if (status is "completed" or "failed")
            {
                return cycle;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"cycle {id} still {status}");
            }

            await Task.Delay(100);
        }
    }
}
