using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Hours;
using Sdr.Sandbox;

namespace Sdr.Benchmarks;

/// <summary>
/// <c>POST /sdr/prospects/enroll</c> as a user meets it: the real <c>sdr</c> server (a child process, Production settings,
/// the cadence worker on) with the sandbox as GHL on loopback, rate limit on (100 requests per 10 s, as GHL). For each
/// size, that many fresh contacts that the hours rules let be texted now are posted in one request: the time to the
/// answer (200 with the lists up to 25 ids, 202 above), for a 202 the time until <c>GET /sdr/prospects/enroll/{id}</c>
/// says completed, and for <c>--wait-sms</c> the time until every enrolled contact's SMS_1 was recorded by the sandbox.
/// <c>dotnet run -c Release --project bench/Sdr.Benchmarks -- enroll [--sizes 25,226,500] [--wait-sms 226] [--provider sqlite|postgres --postgres CONN]</c>
/// </summary>
internal static class EnrollLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        int[] sizes = [25, 226, 500];
        var waitSms = 226;
        var provider = "sqlite";
        string? postgres = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--sizes":
                    sizes = [.. args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
                    break;
                case "--wait-sms":
                    waitSms = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--provider":
                    provider = args[++i].ToLowerInvariant();
                    break;
                case "--postgres":
                    postgres = args[++i];
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}");
            }
        }

        var work = Directory.CreateTempSubdirectory("sdr-enroll-load-").FullName;
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { RateLimitEnabled = true, ContactsPerLocation = (sizes.Sum() * 2) + 200 });
        var location = sandbox.State.Locations[0];
        var hours = SdrConfigFile.Section<HoursOptions>(SdrConfigFile.Load(), HoursOptions.SectionName);
        var policy = new QuietHoursPolicy(Options.Create(hours));
        var now = DateTime.UtcNow;
        var eligible = new Queue<string>(sandbox.State.Contacts(location.LocationId)
            .Where(c => !string.IsNullOrEmpty(c.Phone) && !c.Dnd && !c.IsSmsBlocked())
            .Where(c => Enumerable.Range(0, 7).All(m => policy.Check(now.AddMinutes(m * 5), new RecipientInfo(c.Timezone, c.State, c.Phone)).IsAllowed))
            .Select(c => c.Id));
        if (eligible.Count < sizes.Sum() + 1)
        {
            Console.Error.WriteLine($"Only {eligible.Count} contacts are inside allowed hours for the next 30 minutes ({sizes.Sum() + 1} needed): run at US daytime.");
            return 2;
        }

        var port = WebhookLoad.FreePort();
        var connection = provider == "postgres"
            ? await WebhookLoad.FreshPostgresAsync(postgres ?? throw new ArgumentException("--postgres CONN is required with --provider postgres"))
            : $"Data Source={Path.Combine(work, "sdr.db")}";
        var settings = WebhookLoadSettings.Parse(["--provider", provider]);
        var environment = new Dictionary<string, string>
        {
            ["sdr__rate_limits__max_enrollments_per_hour"] = "100000",
            ["Sdr__CadenceWorker__Enabled"] = "true",
        };
        using var server = WebhookLoad.StartServer(settings, port, work, connection, sandbox, location, environment);
        try
        {
            await WebhookLoad.WaitReadyAsync(port, server);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) };
            http.DefaultRequestHeaders.Add("X-Api-Key", "bench");
            // One contact first, untimed: the first request pays for JIT and the first connections.
            await EnrollAndWaitAsync(http, [eligible.Dequeue()], location.LocationId);
            Console.WriteLine($"| ids | answer | time to answer | job completed after | enrolled | SMS_1 all sent after |");
            Console.WriteLine($"|---|---|---|---|---|---|");
            foreach (var size in sizes)
            {
                var ids = Enumerable.Range(0, size).Select(_ => eligible.Dequeue()).ToList();
                var clock = Stopwatch.StartNew();
                var response = await http.PostAsJsonAsync("/sdr/prospects/enroll", new { contact_ids = ids, location_id = location.LocationId });
                var answered = clock.Elapsed;
                response.EnsureSuccessStatusCode();
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                TimeSpan? completed = null;
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    body = await WaitForJobAsync(http, response.Headers.Location!);
                    completed = clock.Elapsed;
                }

                var enrolled = body.GetProperty("enrolled").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
                TimeSpan? allSent = null;
                if (size == waitSms)
                {
                    while (sandbox.State.SentMessages.Where(m => enrolled.Contains(m.ContactId)).Select(m => m.ContactId).Distinct().Count() < enrolled.Count)
                    {
                        if (clock.Elapsed > TimeSpan.FromMinutes(30))
                        {
                            throw new TimeoutException("SMS_1 not all sent within 30 minutes");
                        }

                        await Task.Delay(100);
                    }

                    allSent = clock.Elapsed;
                }

                Console.WriteLine($"| {size} | {(int)response.StatusCode} | {answered.TotalMilliseconds:F0} ms | {Seconds(completed)} | {enrolled.Count} | {Seconds(allSent)} |");
            }

            return 0;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    /// <summary>Posts one enrolment request and, when it became a job (202), waits until the job has completed.</summary>
    internal static async Task EnrollAndWaitAsync(HttpClient http, IEnumerable<string> contactIds, string locationId)
    {
        var response = await http.PostAsJsonAsync("/sdr/prospects/enroll", new { contact_ids = contactIds, location_id = locationId });
        response.EnsureSuccessStatusCode();
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            await WaitForJobAsync(http, response.Headers.Location!);
        }
    }

    private static async Task<JsonElement> WaitForJobAsync(HttpClient http, Uri location)
    {
        while (true)
        {
            var job = await http.GetFromJsonAsync<JsonElement>(location);
            if (job.GetProperty("status").GetString() == "completed")
            {
                return job;
            }

            await Task.Delay(100);
        }
    }

    private static string Seconds(TimeSpan? span) => span is { } s ? $"{s.TotalSeconds:F1} s" : "-";
}
