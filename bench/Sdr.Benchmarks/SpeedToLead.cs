using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Hours;
using Sdr.Core.Sequences;
using Sdr.Sandbox;

namespace Sdr.Benchmarks;

/// <summary>
/// Speed to lead: the real <c>sdr</c> server (a child process, Production settings, the product's defaults)
/// with the sandbox as GHL on loopback, rate limit on (100 requests per 10 s per location, as GHL), no LLM.
/// <c>--locations</c> sandbox locations, each configured in the server (a multi-location install: GHL's limit
/// is per location, and one answer costs ~3 GHL calls). Contacts that the product's own hours rules let be
/// texted now (and for the next 15 minutes) are enrolled first (SMS_1 goes out), then each replies once, by a
/// signed InboundMessage webhook, at a steady <c>--rate</c> per second for <c>--duration</c> s. Measures, per
/// reply, the time from the webhook POST's 200 to the sandbox recording our answer to that contact (both on
/// the system clock), and breaks it down by the rows' timestamps (inbox, outbox claim, agent, outbound claim, send).
/// <c>dotnet run -c Release --project bench/Sdr.Benchmarks -- speed-to-lead [--rate 50] [--duration 30] [--locations 20]
/// [--contacts-per-location 600] [--warmup-per-location 5] [--provider sqlite|postgres --postgres CONN] [--server-env KEY=VALUE]... [--cpu-trace] [--keep]</c>
/// </summary>
internal static class SpeedToLead
{
    public const double TargetP50Ms = 50;
    public const double TargetP99Ms = 200;

    private static readonly string[] Bodies =
    [
        "what's this about?",
        "how much would my house sell for?",
        "prices are crazy",
        "we already have an agent",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var rate = 50;
        var duration = 30;
        var locationCount = 20;
        var contactsPerLocation = 600;
        var provider = "sqlite";
        string? postgres = null;
        var keep = false;
        var cpuTrace = false;
        var warmupPerLocation = 5;
        var serverEnvironment = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rate":
                    rate = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--duration":
                    duration = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--locations":
                    locationCount = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--contacts-per-location":
                    contactsPerLocation = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--provider":
                    provider = args[++i].ToLowerInvariant();
                    break;
                case "--postgres":
                    postgres = args[++i];
                    break;
                case "--keep":
                    keep = true;
                    break;
                case "--cpu-trace":
                    cpuTrace = true;
                    break;
                case "--warmup-per-location":
                    warmupPerLocation = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--server-env":
                    var pair = args[++i].Split('=', 2);
                    serverEnvironment[pair[0]] = pair[1];
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}");
            }
        }

        var total = rate * duration;
        var perLocation = (total + locationCount - 1) / locationCount;
        var work = Directory.CreateTempSubdirectory("sdr-speed-to-lead-").FullName;
        var locations = Enumerable.Range(1, locationCount)
            .Select(i => new SandboxLocation($"speed-location-{i}", $"speed-token-{i}"))
            .ToList();
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions
        {
            Locations = locations,
            ContactsPerLocation = contactsPerLocation,
            RateLimitEnabled = true,
            MaxRecordedRequests = 1_000_000,
        });

        // The contacts the product's hours stage lets be texted now and through the run: the answers must not be deferred.
        var hours = SdrConfigFile.Section<HoursOptions>(SdrConfigFile.Load(), HoursOptions.SectionName);
        var policy = new QuietHoursPolicy(Options.Create(hours));
        var now = DateTime.UtcNow;
        var chosen = new List<(string Location, string Contact)>();
        var warm = new List<(string Location, string Contact)>();
        foreach (var location in locations)
        {
            var eligible = sandbox.State.Contacts(location.LocationId)
                .Where(c => !string.IsNullOrEmpty(c.Phone) && !c.Dnd && !c.IsSmsBlocked())
                .Where(c => InHours(policy, new RecipientInfo(c.Timezone, c.State, c.Phone), now))
                .Take(perLocation + warmupPerLocation)
                .Select(c => (location.LocationId, c.Id))
                .ToList();
            if (eligible.Count < perLocation + warmupPerLocation)
            {
                Console.Error.WriteLine($"Only {eligible.Count} of {contactsPerLocation} contacts of {location.LocationId} are inside allowed hours now ({perLocation + warmupPerLocation} needed): raise --contacts-per-location or run at US daytime.");
                return 2;
            }

            warm.AddRange(eligible.Take(warmupPerLocation));
            chosen.AddRange(eligible.Skip(warmupPerLocation));
        }

        var port = WebhookLoad.FreePort();
        var connection = provider == "postgres"
            ? await WebhookLoad.FreshPostgresAsync(postgres ?? throw new ArgumentException("--postgres CONN is required with --provider postgres"))
            : $"Data Source={Path.Combine(work, "sdr.db")}";
        var settings = WebhookLoadSettings.Parse(["--provider", provider]);
        var environment = new Dictionary<string, string>
        {
            // Bench setup, not a product default: the enrolment before the measurement is not what is measured.
            ["sdr__rate_limits__max_enrollments_per_hour"] = (total * 2).ToString(CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < locations.Count; i++)
        {
            environment[$"Ghl__Locations__{i}__LocationId"] = locations[i].LocationId;
            environment[$"Ghl__Locations__{i}__Token"] = locations[i].Token;
        }

        // SMS_1 is queued at enrolment and sent by the cadence worker.
        environment["Sdr__CadenceWorker__Enabled"] = "true";
        foreach (var (key, value) in serverEnvironment)
        {
            environment[key] = value;
        }

        using var server = WebhookLoad.StartServer(settings, port, work, connection, sandbox, locations[0], environment);
        try
        {
            await WebhookLoad.WaitReadyAsync(port, server);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) };
            http.DefaultRequestHeaders.Add("X-Api-Key", "bench");

            Console.WriteLine($"Enrolling {chosen.Count} + {warm.Count} (warm-up) contacts in {locations.Count} locations ({perLocation} + {warmupPerLocation} each; SMS_1 at GHL's rate limit)...");
            var enrolling = Stopwatch.StartNew();
            await Task.WhenAll(warm.Concat(chosen).GroupBy(c => c.Location).Select(async group =>
            {
                foreach (var chunk in group.Select(c => c.Contact).Chunk(SequenceEnrollment.MaxContactsPerRequest))
                {
                    await EnrollLoad.EnrollAndWaitAsync(http, chunk, group.Key);
                }
            }));
            var target = new Uri($"http://127.0.0.1:{port}/sdr/webhook/reply");
            var contactSet = warm.Concat(chosen).Select(c => c.Contact).ToHashSet(StringComparer.Ordinal);
            while (enrolling.Elapsed < TimeSpan.FromMinutes(5) && sandbox.State.SentMessages.Count(m => contactSet.Contains(m.ContactId)) < contactSet.Count)
            {
                await Task.Delay(500);
            }

            var firstTouches = sandbox.State.SentMessages.Count(m => contactSet.Contains(m.ContactId));
            Console.WriteLine($"{await CountAsync(provider, connection, "SELECT COUNT(*) FROM sdr_outreach_sequences")} sequences, {firstTouches} SMS_1 recorded by the sandbox after {enrolling.Elapsed.TotalSeconds:F1} s. Letting GHL's 10 s windows empty...");
            await Task.Delay(TimeSpan.FromSeconds(12));
            if (warm.Count > 0)
            {
                // The server's first replies compile the reply path (JIT); a running server has done that long before.
                Console.WriteLine($"Warm-up: {warm.Count} replies at 10/s...");
                var warmPosts = new ConcurrentDictionary<string, Post>(StringComparer.Ordinal);
                var warmSends = new List<Task>();
                for (var i = 0; i < warm.Count; i++)
                {
                    var (location, contact) = warm[i];
                    var body = Bodies[i % Bodies.Length];
                    warmSends.Add(Task.Run(async () =>
                    {
                        var sent = DateTimeOffset.UtcNow;
                        using var response = await sandbox.Webhooks.SimulateInboundReplyAsync(location, contact, body, target);
                        warmPosts[contact] = new Post(location, body, sent, DateTimeOffset.UtcNow, (int)response.StatusCode);
                    }));
                    await Task.Delay(100);
                }

                await Task.WhenAll(warmSends);
                var warming = Stopwatch.StartNew();
                while (warming.Elapsed < TimeSpan.FromSeconds(60) && AnswersAfter(sandbox, warmPosts).Count < warmPosts.Count)
                {
                    await Task.Delay(200);
                }

                Console.WriteLine($"Warm-up: {AnswersAfter(sandbox, warmPosts).Count} of {warmPosts.Count} answered. Letting GHL's 10 s windows empty...");
                await Task.Delay(TimeSpan.FromSeconds(12));
            }

            // Round robin over the locations, so each location sees rate / locations replies per second.
            var schedule = chosen.GroupBy(c => c.Location)
                .SelectMany(g => g.Select((c, index) => (c, index)))
                .OrderBy(x => x.index).ThenBy(x => x.c.Location, StringComparer.Ordinal)
                .Select((x, i) => (x.c.Location, x.c.Contact, Body: Bodies[i % Bodies.Length]))
                .ToList();
            var posts = new ConcurrentDictionary<string, Post>(StringComparer.Ordinal);
            var loadBefore = MachineInfo.LoadAverage();
            server.Refresh();
            var cpuBefore = server.TotalProcessorTime;
            var runStartedUtc = DateTimeOffset.UtcNow;
            using var trace = cpuTrace ? CpuTrace.Start(work, server.Id) : null;
            Console.WriteLine($"Posting {schedule.Count} signed reply webhooks at {rate}/s (load average {loadBefore})...");
            var clock = Stopwatch.StartNew();
            var sends = new List<Task>(schedule.Count);
            var lateness = new List<double>(schedule.Count);
            for (var i = 0; i < schedule.Count; i++)
            {
                var due = TimeSpan.FromSeconds(i / (double)rate);
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                lateness.Add((clock.Elapsed - due).TotalMilliseconds);
                var (location, contact, body) = schedule[i];
                sends.Add(Task.Run(async () =>
                {
                    var sent = DateTimeOffset.UtcNow;
                    using var response = await sandbox.Webhooks.SimulateInboundReplyAsync(location, contact, body, target);
                    posts[contact] = new Post(location, body, sent, DateTimeOffset.UtcNow, (int)response.StatusCode);
                }));
            }

            await Task.WhenAll(sends);
            var postedIn = clock.Elapsed;
            server.Refresh();
            var cpuPosting = server.TotalProcessorTime - cpuBefore;

            // Wait for the answers (up to 60 s after the last post).
            Dictionary<string, DateTimeOffset> answers = [];
            var waitStarted = Stopwatch.StartNew();
            while (waitStarted.Elapsed < TimeSpan.FromSeconds(60))
            {
                answers = AnswersAfter(sandbox, posts);
                if (answers.Count >= posts.Count)
                {
                    break;
                }

                await Task.Delay(100);
            }

            var settledIn = clock.Elapsed;
            server.Refresh();
            var cpuAll = server.TotalProcessorTime - cpuBefore;
            var loadAfter = MachineInfo.LoadAverage();
            var runEndedUtc = DateTimeOffset.UtcNow;
            var traceReport = trace is null ? null : await trace.StopAndReportAsync();

            var latencies = posts
                .Where(p => answers.ContainsKey(p.Key))
                .Select(p => (answers[p.Key] - p.Value.Returned).TotalMilliseconds)
                .Order()
                .ToArray();
            var postMs = posts.Values.Select(p => (p.Returned - p.Sent).TotalMilliseconds).Order().ToArray();
            var non200 = posts.Values.Count(p => p.Status != 200);
            var ghlRequests = sandbox.State.Requests.Where(r => r.At >= runStartedUtc && r.At <= runEndedUtc).ToList();
            var throttled = ghlRequests.Count(r => r.StatusCode == 429);
            var hops = await HopsAsync(provider, connection, sandbox, posts, answers);
            var unanswered = posts.Keys.Where(k => !answers.ContainsKey(k)).ToList();
            var outcomes = await OutcomesAsync(provider, connection, unanswered);

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

                Speed to lead on {provider}: {posts.Count} replies posted at {rate}/s over {postedIn.TotalSeconds:F1} s ({locations.Count} locations, {perLocation} contacts each), {non200} non-200;
                schedule lateness p99 {Percentile([.. lateness.Order()], 0.99):F1} ms; webhook POST p50 {Percentile(postMs, 0.5):F1} ms, p99 {Percentile(postMs, 0.99):F1} ms.
                Answered: {latencies.Length}, unanswered after 60 s: {posts.Count - latencies.Length}{(outcomes.Length > 0 ? " (" + outcomes + ")" : "")}.
                POST 200 -> answer recorded by the sandbox: p50 {Percentile(latencies, 0.5):F1} ms, p90 {Percentile(latencies, 0.9):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms, max {(latencies.Length > 0 ? latencies[^1] : double.NaN):F1} ms.
                Target p50 < {TargetP50Ms:F0} ms and p99 < {TargetP99Ms:F0} ms: {(latencies.Length == posts.Count && Percentile(latencies, 0.5) < TargetP50Ms && Percentile(latencies, 0.99) < TargetP99Ms ? "MET" : "MISSED")}.
                Server CPU: {cpuPosting.TotalSeconds / postedIn.TotalSeconds:F2} cores while posting, {cpuAll.TotalMicroseconds / Math.Max(posts.Count, 1):F0} µs per reply (until all answered, {settledIn.TotalSeconds:F1} s).
                GHL (sandbox) requests during the run: {ghlRequests.Count}, of them 429: {throttled}.
                Load average before / after: {loadBefore} / {loadAfter}.
                Per hop (ms; p50 / p90 / p99 / max over answered replies):
                {hops}
                """));
            if (traceReport is not null)
            {
                Console.WriteLine(traceReport);
            }

            if (keep)
            {
                Console.WriteLine($"Kept {work} (server.log, sdr.db).");
            }

            return 0;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            if (!keep)
            {
                try
                {
                    Directory.Delete(work, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private static bool InHours(QuietHoursPolicy policy, RecipientInfo recipient, DateTime now)
    {
        for (var minutes = 0; minutes <= 15; minutes += 5)
        {
            if (!policy.Check(now.AddMinutes(minutes), recipient).IsAllowed)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Per contact, when the sandbox recorded the first message to it after its reply was posted.</summary>
    private static Dictionary<string, DateTimeOffset> AnswersAfter(GhlSandbox sandbox, IReadOnlyDictionary<string, Post> posts)
    {
        var answers = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var message in sandbox.State.SentMessages)
        {
            if (posts.TryGetValue(message.ContactId, out var post) && message.At >= post.Sent && !answers.ContainsKey(message.ContactId))
            {
                answers[message.ContactId] = message.At;
            }
        }

        return answers;
    }

    /// <summary>
    /// The hops by the rows' timestamps and the sandbox's request log, per answered reply, as text lines.
    /// (The claim columns are cleared once a row is done, so the outbox's claim shows as the agent's first GHL read.)
    /// </summary>
    private static async Task<string> HopsAsync(string provider, string connection, GhlSandbox sandbox, IReadOnlyDictionary<string, Post> posts, Dictionary<string, DateTimeOffset> answers)
    {
        const string Sql = """
            SELECT e.contact_id, e.received_at, e.processed_at, a.completed_at, m.created_at, m.sent_at
            FROM sdr_webhook_events e
            JOIN sdr_ghl_actions a ON a.dedupe_key = 'answer_reply:' || e.dedupe_key
            JOIN sdr_outbound_messages m ON m.contact_id = e.contact_id AND m.created_at >= e.received_at
            """;
        var rows = new Dictionary<string, DateTime?[]>(StringComparer.Ordinal);
        await using (var db = Open(provider, connection))
        {
            await db.OpenAsync();
            await using var command = db.CreateCommand();
            command.CommandText = Sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.TryAdd(reader.GetString(0), [.. Enumerable.Range(1, 5).Select(i => reader.IsDBNull(i) ? (DateTime?)null : DateTime.SpecifyKind(reader.GetDateTime(i), DateTimeKind.Utc))]);
            }
        }

        // The agent's first GHL read for the contact after its reply: GET /conversations/search?...contactId=...
        var searches = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var request in sandbox.State.Requests)
        {
            if (request.Path == "/conversations/search" && ContactOf(request.Query) is { } contact
                && posts.TryGetValue(contact, out var post) && request.At >= post.Sent && !searches.ContainsKey(contact))
            {
                searches[contact] = request.At.UtcDateTime;
            }
        }

        // received(0), processed(1), answer_reply completed(2), answer queued(3), sent_at(4).
        var hops = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
        void Add(string name, double? value)
        {
            if (value is { } v)
            {
                (hops.TryGetValue(name, out var list) ? list : hops[name] = []).Add(v);
            }
        }

        foreach (var (contact, answeredAt) in answers)
        {
            if (!rows.TryGetValue(contact, out var r) || !posts.TryGetValue(contact, out var post))
            {
                continue;
            }

            DateTime? search = searches.TryGetValue(contact, out var s) ? s : null;
            Add("0 POST sent -> 200 (intake)", (post.Returned - post.Sent).TotalMilliseconds);
            Add("1 POST 200 -> event processed (inbox wait + ReplyIntake)", Ms(r[1], post.Returned.UtcDateTime));
            Add("2 event processed -> agent's GHL history search answered (outbox wake/claim + reads)", Ms(search, r[1]));
            Add("3 history search answered -> answer queued (messages read, decide)", Ms(r[3], search));
            Add("4 answer queued -> answer_reply completed (agent's commit)", Ms(r[2], r[3]));
            Add("5 answer queued -> sandbox recorded the send (outbound worker: claim, stages, POST)", Ms(answeredAt.UtcDateTime, r[3]));
            Add("6 sandbox recorded -> sent_at committed", Ms(r[4], answeredAt.UtcDateTime));
            Add("7 total POST 200 -> sandbox recorded", (answeredAt - post.Returned).TotalMilliseconds);
        }

        return string.Join(Environment.NewLine, hops.Select(h =>
        {
            var sorted = h.Value.Order().ToArray();
            return string.Create(CultureInfo.InvariantCulture, $"  {h.Key}: {Percentile(sorted, 0.5):F1} / {Percentile(sorted, 0.9):F1} / {Percentile(sorted, 0.99):F1} / {sorted[^1]:F1} (n={sorted.Length})");
        }));
    }

    private static string? ContactOf(string query)
    {
        const string Key = "contactId=";
        var at = query.IndexOf(Key, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var end = query.IndexOf('&', at);
        return Uri.UnescapeDataString(end < 0 ? query[(at + Key.Length)..] : query[(at + Key.Length)..end]);
    }

    /// <summary>Why replies went unanswered: the agent's recorded actions, counted.</summary>
    private static async Task<string> OutcomesAsync(string provider, string connection, IReadOnlyCollection<string> contacts)
    {
        if (contacts.Count == 0)
        {
            return string.Empty;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var db = Open(provider, connection);
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT contact_id, COALESCE(action, '(none)') FROM sdr_replies";
        await using var reader = await command.ExecuteReaderAsync();
        var wanted = contacts.ToHashSet(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            if (wanted.Contains(reader.GetString(0)))
            {
                var action = reader.GetString(1);
                counts[action] = counts.GetValueOrDefault(action) + 1;
            }
        }

        return string.Join("; ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Value}× {c.Key}"));
    }

    private static double? Ms(DateTime? later, DateTime? earlier) =>
        later is { } l && earlier is { } e ? (l - e).TotalMilliseconds : null;

    private static DbConnection Open(string provider, string connection) =>
        provider == "postgres" ? new NpgsqlConnection(connection) : new SqliteConnection(connection + ";Mode=ReadOnly");

    private static Task<long> CountAsync(string provider, string connection, string sql) => WebhookLoad.CountAsync(provider, connection, sql);

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private sealed record Post(string Location, string Body, DateTimeOffset Sent, DateTimeOffset Returned, int Status);
}
