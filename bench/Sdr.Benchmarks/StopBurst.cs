using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Sdr.Core.Sequences;
using Sdr.Sandbox;

namespace Sdr.Benchmarks;

/// <summary>
/// A burst of STOP replies while GHL is at its rate limit: the real <c>sdr</c> server (a child
/// process, Production settings) with the sandbox as GHL, rate limit on (100 requests per 10 s, as
/// GHL). <c>--stops</c> contacts are enrolled first (their SMS_1 go out at the limit), then one
/// signed STOP webhook per contact is posted at once. Measures the time from the first STOP until
/// every sequence is opted out and every contact suppressed locally, and how many of the queued GHL
/// writes (DND, tag, confirmation: three per contact, 30 s of GHL's limit per 100 contacts) were
/// done by then. Not a timed test: a benchmark with a goal of 2 s for 500 STOPs.
/// <c>dotnet run -c Release --project bench/Sdr.Benchmarks -- stop-burst [--stops 500] [--provider sqlite|postgres --postgres CONN]</c>
/// </summary>
internal static class StopBurst
{
    public const double GoalSeconds = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var stops = 500;
        var provider = "sqlite";
        string? postgres = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--stops":
                    stops = int.Parse(args[++i], CultureInfo.InvariantCulture);
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

        var work = Directory.CreateTempSubdirectory("sdr-stop-burst-").FullName;
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { RateLimitEnabled = true, ContactsPerLocation = stops + 200 });
        var location = sandbox.State.Locations[0];
        var port = WebhookLoad.FreePort();
        var connection = provider == "postgres"
            ? await WebhookLoad.FreshPostgresAsync(postgres ?? throw new ArgumentException("--postgres CONN is required with --provider postgres"))
            : $"Data Source={Path.Combine(work, "sdr.db")}";
        var settings = WebhookLoadSettings.Parse(["--provider", provider]);
        var environment = new Dictionary<string, string>
        {
            ["sdr__rate_limits__max_enrollments_per_hour"] = (stops * 2).ToString(CultureInfo.InvariantCulture),
            ["Sdr__CadenceWorker__Enabled"] = "true", // SMS_1 is queued at enrolment and sent by the cadence worker
        };
        using var server = WebhookLoad.StartServer(settings, port, work, connection, sandbox, location, environment);
        try
        {
            await WebhookLoad.WaitReadyAsync(port, server);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) };
            http.DefaultRequestHeaders.Add("X-Api-Key", "bench");
            var contacts = sandbox.State.Contacts(location.LocationId).Where(c => !string.IsNullOrEmpty(c.Phone) && !c.IsSmsBlocked()).Take(stops).Select(c => c.Id).ToList();
            Console.WriteLine($"Enrolling {contacts.Count} contacts (SMS_1 at GHL's rate limit)...");
            var enrolling = Stopwatch.StartNew();
            foreach (var chunk in contacts.Chunk(SequenceEnrollment.MaxContactsPerRequest))
            {
                await EnrollLoad.EnrollAndWaitAsync(http, chunk, location.LocationId);
            }

            var sequences = await WebhookLoad.CountAsync(provider, connection, "SELECT COUNT(*) FROM sdr_outreach_sequences");
            Console.WriteLine($"{sequences} sequences in {enrolling.Elapsed.TotalSeconds:F1} s. Posting {contacts.Count} STOPs at once...");

            var target = new Uri($"http://127.0.0.1:{port}/sdr/webhook/reply");
            var clock = Stopwatch.StartNew();
            using var slots = new SemaphoreSlim(32);
            var posted = Task.WhenAll(contacts.Select(async id =>
            {
                await slots.WaitAsync();
                try
                {
                    (await sandbox.Webhooks.SimulateInboundReplyAsync(location.LocationId, id, "STOP", target)).EnsureSuccessStatusCode();
                }
                finally
                {
                    slots.Release();
                }
            }));

            double? accepted = null;
            double? processed = null;
            double? optedOut = null;
            long ghlDone = 0;
            long ghlQueued = 0;
            while (clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                if (accepted is null && posted.IsCompleted)
                {
                    await posted;
                    accepted = clock.Elapsed.TotalSeconds;
                }

                if (processed is null && await WebhookLoad.CountAsync(provider, connection, "SELECT COUNT(*) FROM sdr_webhook_events WHERE status = 'pending'") == 0 && posted.IsCompleted)
                {
                    processed = clock.Elapsed.TotalSeconds;
                }

                var ended = await WebhookLoad.CountAsync(provider, connection, "SELECT COUNT(*) FROM sdr_outreach_sequences WHERE current_step = 'opted_out'");
                var suppressed = await WebhookLoad.CountAsync(provider, connection, "SELECT COUNT(DISTINCT contact_id) FROM sdr_suppressions");
                if (ended == sequences && suppressed >= contacts.Count)
                {
                    optedOut = clock.Elapsed.TotalSeconds;
                    ghlDone = await WebhookLoad.CountAsync(provider, connection, "SELECT COUNT(*) FROM sdr_ghl_actions WHERE status = 'done'");
                    ghlQueued = await WebhookLoad.CountAsync(provider, connection, "SELECT COUNT(*) FROM sdr_ghl_actions");
                    break;
                }

                await Task.Delay(20);
            }

            await posted;
            accepted ??= clock.Elapsed.TotalSeconds;
            while (processed is null && clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                if (await WebhookLoad.CountAsync(provider, connection, "SELECT COUNT(*) FROM sdr_webhook_events WHERE status = 'pending'") == 0)
                {
                    processed = clock.Elapsed.TotalSeconds;
                }
                else
                {
                    await Task.Delay(20);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

                STOP burst on {provider}: {contacts.Count} STOPs posted (all answered 200 after {accepted:F2} s, all events processed after {processed:F2} s);
                every sequence opted out and every contact suppressed locally {(optedOut is { } s ? $"{s:F2} s" : "NOT within 2 min")} after the first STOP;
                GHL writes by then: {ghlDone} of {ghlQueued} done (the rest wait for GHL's rate limit).
                Goal ≤ {GoalSeconds:F0} s: {(optedOut <= GoalSeconds ? "MET" : "MISSED")}. Load average: {MachineInfo.LoadAverage()}.
                """));
            return 0;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Directory.Delete(work, recursive: true);
        }
    }
}
