using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Sdr.Sandbox;

namespace Sdr.Benchmarks;

/// <summary>
/// <c>GET /sdr/stats</c> and <c>/sdr/stats/sequences</c> over 1,000,000 stored touches: the real <c>sdr</c> server (a
/// child process, Production settings) over HTTP, on a database seeded directly (a prepared INSERT in one transaction
/// on SQLite, binary COPY on PostgreSQL) with sequences, touches, dispatch decisions, replies, objections and outcome
/// events in the proportions of a campaign (below), spread over the last 90 days, in 20 locations and two variants.
/// Each URL is asked <c>--requests</c> times one after the other after 3 warm-up calls; p50 / p95 / max per URL.
/// Goal: p95 &lt; 200 ms.
/// <c>dotnet run -c Release --project bench/Sdr.Benchmarks -- stats [--touches 1000000] [--requests 20] [--provider sqlite|postgres --postgres CONN]</c>
/// </summary>
internal static class StatsLoad
{
    public const double GoalMs = 200;
    private const int Locations = 20;
    private const int SpreadDays = 90;

    // A sequence's touches: how far down the 8 cadence steps it got before it replied, opted out or completed.
    private static readonly (string Step, string Channel, double HoursAfterEnrolment)[] Cadence =
    [
        ("sms_1", "sms", 0.5), ("email_1", "email", 24), ("sms_2", "sms", 70), ("voicemail_1", "voicemail", 120),
        ("email_2", "email", 170), ("sms_3", "sms", 245), ("voicemail_2", "voicemail", 330), ("nurture_pause", "sms", 500),
    ];

    private static readonly string[] Categories = ["info_request", "engagement", "timing", "not_interested", "price", "already_agent"];

    private static readonly string[] DeferReasons =
    [
        "hours: outside allowed hours in America/Chicago (21:10); next allowed 08:00 (federal)",
        "caps: daily touch cap of 1 reached for contact c",
        "caps: daily SMS cap of 500 reached for location l",
        "consent: a conversation is in progress: the cadence is paused",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var touches = 1_000_000;
        var requests = 20;
        var provider = "sqlite";
        string? postgres = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--touches":
                    touches = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--requests":
                    requests = int.Parse(args[++i], CultureInfo.InvariantCulture);
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

        var work = Directory.CreateTempSubdirectory("sdr-stats-load-").FullName;
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { ContactsPerLocation = 10 });
        var location = sandbox.State.Locations[0];
        var port = WebhookLoad.FreePort();
        var connection = provider == "postgres"
            ? await WebhookLoad.FreshPostgresAsync(postgres ?? throw new ArgumentException("--postgres CONN is required with --provider postgres"))
            : $"Data Source={Path.Combine(work, "sdr.db")}";
        var settings = WebhookLoadSettings.Parse(["--provider", provider]);
        // Each SQL command's time goes to the server log, whose slowest commands are printed at the end.
        var environment = new Dictionary<string, string> { ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information" };
        using var server = WebhookLoad.StartServer(settings, port, work, connection, sandbox, location, environment);
        try
        {
            await WebhookLoad.WaitReadyAsync(port, server); // the server has migrated the database
            var seeding = Stopwatch.StartNew();
            var seeded = await SeedAsync(provider, connection, touches, location.LocationId);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Seeded {seeded.Touches:N0} touches, {seeded.Sequences:N0} sequences, {seeded.Decisions:N0} decisions, {seeded.Replies:N0} replies, {seeded.Events:N0} outcome events on {provider} in {seeding.Elapsed.TotalSeconds:F1} s."));

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
            http.DefaultRequestHeaders.Add("X-Api-Key", "bench");
            string[] urls =
            [
                "/sdr/stats",
                $"/sdr/stats?location_id={location.LocationId}",
                "/sdr/stats?days=30",
                "/sdr/stats/sequences",
                "/sdr/stats/sequences?days=30",
                $"/sdr/stats/sequences?days=30&location_id={location.LocationId}&variant=direct",
            ];
            var load = MachineInfo.LoadAverage();
            var lines = new List<string>();
            var met = true;
            foreach (var url in urls)
            {
                for (var i = 0; i < 3; i++)
                {
                    (await http.GetAsync(url)).EnsureSuccessStatusCode();
                }

                var times = new List<double>(requests);
                for (var i = 0; i < requests; i++)
                {
                    var clock = Stopwatch.StartNew();
                    using var response = await http.GetAsync(url);
                    _ = await response.Content.ReadAsByteArrayAsync();
                    response.EnsureSuccessStatusCode();
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }

                times.Sort();
                var p95 = times[(int)Math.Ceiling(0.95 * times.Count) - 1];
                met &= p95 < GoalMs;
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"  {url,-70} p50 {times[times.Count / 2],7:F1} ms  p95 {p95,7:F1} ms  max {times[^1],7:F1} ms"));
                Console.WriteLine(lines[^1]);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

                Stats over {seeded.Touches:N0} touches on {provider} (HTTP to the real server, {requests} sequential requests per URL after 3 warm-ups):
                {string.Join(Environment.NewLine, lines)}
                Goal p95 < {GoalMs:F0} ms (default 7 and 30 days): {(met ? "MET" : "MISSED")}. Load average before / after: {load} / {MachineInfo.LoadAverage()}.
                """));
            return 0;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            PrintSlowestCommands(Path.Combine(work, "server.log"));
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The five slowest SQL commands the server logged (EF Core's "Executed DbCommand (N ms)"), first line of each.</summary>
    private static void PrintSlowestCommands(string log)
    {
        if (!File.Exists(log))
        {
            return;
        }

        var lines = File.ReadAllLines(log);
        var slowest = lines
            .Select((line, i) => (Match: System.Text.RegularExpressions.Regex.Match(line, @"Executed DbCommand \((\d+)ms\)"), i))
            .Where(x => x.Match.Success)
            .Select(x => (Ms: int.Parse(x.Match.Groups[1].Value, CultureInfo.InvariantCulture), Sql: string.Join(" ", lines.Skip(x.i + 1).Take(12).Select(l => l.Trim()))))
            .OrderByDescending(x => x.Ms)
            .DistinctBy(x => x.Sql[..Math.Min(120, x.Sql.Length)])
            .Take(5);
        Console.WriteLine("Slowest SQL commands (server log):");
        foreach (var (ms, sql) in slowest)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {ms} ms: {sql[..Math.Min(400, sql.Length)]}"));
        }
    }

    private sealed record Seeded(long Touches, long Sequences, long Decisions, long Replies, long Events);

    /// <summary>
    /// Sequences enrolled evenly over the last 90 days, each taking cadence steps until one of: a reply (12 % of
    /// sequences, at a random step; a fifth of them STOP and opt out, 3 % of the rest are auto-responders),
    /// the end of the cadence, or today. One deferral per 2 sequences, one block per 50; of those replying,
    /// 1 in 6 an objection, 1 in 5 handed off and 1 in 10 booked. Deterministic (seeded random).
    /// </summary>
    private static async Task<Seeded> SeedAsync(string provider, string connection, int touchTarget, string firstLocation)
    {
        var random = new Random(16);
        var now = DateTime.UtcNow;
        var start = now.AddDays(-SpreadDays);
        var writer = provider == "postgres" ? (ISeedWriter)await PostgresWriter.OpenAsync(connection) : await SqliteWriter.OpenAsync(connection);
        await using var _ = writer;
        long touches = 0, sequences = 0, decisions = 0, replies = 0, events = 0;
        // About 7.5 touches per sequence: enrolments spread so that the target is reached at the end of the window.
        var estimatedSequences = touchTarget / 7.5;
        var step = TimeSpan.FromTicks((long)((now - start).Ticks / estimatedSequences));
        var enrolledAt = start;
        while (touches < touchTarget)
        {
            enrolledAt += step;
            if (enrolledAt >= now)
            {
                enrolledAt = start.AddMinutes(random.NextDouble() * SpreadDays * 24 * 60);
            }

            var id = ++sequences;
            var locationId = id % Locations == 0 ? firstLocation : $"bench-location-{id % Locations}";
            var contactId = $"bench-contact-{id}";
            var variant = id % 2 == 0 ? "consultative" : "direct";
            var replyStep = random.NextDouble() < 0.12 ? random.Next(0, Cadence.Length) : -1;
            var optOut = replyStep >= 0 && random.NextDouble() < 0.2;
            var taken = 0;
            DateTime? lastSent = null;
            for (var s = 0; s < Cadence.Length && touches < touchTarget; s++)
            {
                var at = enrolledAt.AddHours(Cadence[s].HoursAfterEnrolment + random.NextDouble());
                if (at > now)
                {
                    break;
                }

                await writer.TouchAsync(id, contactId, locationId, Cadence[s].Step, Cadence[s].Channel, at);
                touches++;
                taken++;
                lastSent = at;
                if (s == replyStep)
                {
                    break;
                }
            }

            DateTime? endedAt = null;
            var current = Cadence[Math.Max(0, taken - 1)].Step;
            var endReason = taken == Cadence.Length ? "completed" : null;
            if (replyStep >= 0 && replyStep < taken && lastSent is { } sent)
            {
                var repliedAt = sent.AddMinutes(5 + (random.NextDouble() * 600));
                if (repliedAt <= now)
                {
                    var auto = !optOut && random.NextDouble() < 0.03;
                    await writer.ReplyAsync(id, contactId, locationId, optOut ? "opt_out" : Categories[random.Next(Categories.Length)], auto, repliedAt);
                    replies++;
                    if (optOut)
                    {
                        (current, endedAt, endReason) = ("opted_out", repliedAt, "the prospect replied STOP");
                    }
                    else if (!auto && random.NextDouble() < 1.0 / 6)
                    {
                        await writer.ObjectionAsync(id, contactId, locationId, "timing", repliedAt);
                    }

                    if (!optOut && !auto && random.NextDouble() < 0.2)
                    {
                        await writer.EventAsync(id, contactId, "handed_off", repliedAt.AddMinutes(2));
                        (current, endedAt, endReason) = ("qualified", repliedAt.AddMinutes(2), "qualified");
                        events++;
                        if (random.NextDouble() < 0.5)
                        {
                            await writer.EventAsync(id, contactId, "booked", repliedAt.AddHours(1));
                            current = "booked";
                            events++;
                        }
                    }
                }
            }

            if (id % 2 == 0 && taken > 0)
            {
                await writer.DecisionAsync(id, contactId, Cadence[taken - 1].Step, "deferred", DeferReasons[random.Next(DeferReasons.Length)], enrolledAt.AddHours(Cadence[taken - 1].HoursAfterEnrolment));
                decisions++;
            }

            if (id % 50 == 0 && taken > 0)
            {
                await writer.DecisionAsync(id, contactId, Cadence[taken - 1].Step, "blocked", "content: the email has no body", enrolledAt.AddHours(Cadence[taken - 1].HoursAfterEnrolment));
                decisions++;
            }

            await writer.SequenceAsync(id, contactId, locationId, variant, current, enrolledAt, endedAt ?? (endReason is null ? null : lastSent), endReason ?? "stopped manually");
        }

        await writer.CompleteAsync();
        return new Seeded(touches, sequences, decisions, replies, events);
    }

    private interface ISeedWriter : IAsyncDisposable
    {
        Task SequenceAsync(long id, string contactId, string locationId, string variant, string currentStep, DateTime enrolledAt, DateTime? endedAt, string endReason);

        Task TouchAsync(long sequenceId, string contactId, string locationId, string step, string channel, DateTime sentAt);

        Task ReplyAsync(long sequenceId, string contactId, string locationId, string category, bool autoResponder, DateTime at);

        Task DecisionAsync(long sequenceId, string contactId, string step, string outcome, string reason, DateTime at);

        Task EventAsync(long sequenceId, string contactId, string kind, DateTime at);

        Task ObjectionAsync(long sequenceId, string contactId, string locationId, string type, DateTime at);

        Task CompleteAsync();
    }

    /// <summary>Prepared INSERTs in one transaction; prospects and sequences share ids.</summary>
    private sealed class SqliteWriter : ISeedWriter
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;
        private readonly Dictionary<string, SqliteCommand> _commands = [];

        private SqliteWriter(SqliteConnection connection)
        {
            _connection = connection;
            _transaction = connection.BeginTransaction();
        }

        public static async Task<SqliteWriter> OpenAsync(string connection)
        {
            var sqlite = new SqliteConnection(connection);
            await sqlite.OpenAsync();
            await using (var pragma = sqlite.CreateCommand())
            {
                pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF;"; // a sequence is written after its touches
                await pragma.ExecuteNonQueryAsync();
            }

            return new SqliteWriter(sqlite);
        }

        public Task SequenceAsync(long id, string contactId, string locationId, string variant, string currentStep, DateTime enrolledAt, DateTime? endedAt, string endReason) =>
            RunAsync(
                "INSERT INTO sdr_prospects (id, contact_id, location_id, source, lead_type, enrolled_at) VALUES ($id, $c, $l, 'bench', 'seller', $e);" +
                "INSERT INTO sdr_outreach_sequences (id, prospect_id, contact_id, location_id, current_step, ab_variant, enrolled_at, is_active, reply_count, dispatch_attempts, schedule_shift_minutes, updated_at, ended_at, end_reason) " +
                "VALUES ($id, $id, $c, $l, $step, $v, $e, 0, 0, 0, 0, $e, $ended, $reason)",
                ("$id", id), ("$c", contactId), ("$l", locationId), ("$step", currentStep), ("$v", variant), ("$e", enrolledAt), ("$ended", endedAt), ("$reason", endReason));

        public Task TouchAsync(long sequenceId, string contactId, string locationId, string step, string channel, DateTime sentAt) =>
            RunAsync(
                "INSERT INTO sdr_outreach_touches (sequence_id, contact_id, location_id, step, channel, status, sent_at, reserved_at, touch_date, needs_review, reconcile_attempts) " +
                "VALUES ($s, $c, $l, $step, $ch, 'sent', $at, $at, $d, 0, 0)",
                ("$s", sequenceId), ("$c", contactId), ("$l", locationId), ("$step", step), ("$ch", channel), ("$at", sentAt), ("$d", DateOnly.FromDateTime(sentAt)));

        public Task ReplyAsync(long sequenceId, string contactId, string locationId, string category, bool autoResponder, DateTime at) =>
            RunAsync(
                "INSERT INTO sdr_replies (sequence_id, contact_id, location_id, category, confidence, decided_by, is_auto_responder, received_at) VALUES ($s, $c, $l, $cat, 0.9, 'patterns', $auto, $at)",
                ("$s", sequenceId), ("$c", contactId), ("$l", locationId), ("$cat", category), ("$auto", autoResponder), ("$at", at));

        public Task DecisionAsync(long sequenceId, string contactId, string step, string outcome, string reason, DateTime at) =>
            RunAsync(
                "INSERT INTO sdr_dispatch_decisions (sequence_id, contact_id, step, outcome, reason, at) VALUES ($s, $c, $step, $o, $r, $at)",
                ("$s", sequenceId), ("$c", contactId), ("$step", step), ("$o", outcome), ("$r", reason), ("$at", at));

        public Task EventAsync(long sequenceId, string contactId, string kind, DateTime at) =>
            RunAsync(
                "INSERT INTO sdr_sequence_events (sequence_id, contact_id, kind, detail, at) VALUES ($s, $c, $k, $k, $at)",
                ("$s", sequenceId), ("$c", contactId), ("$k", kind), ("$at", at));

        public Task ObjectionAsync(long sequenceId, string contactId, string locationId, string type, DateTime at) =>
            RunAsync(
                "INSERT INTO sdr_objection_logs (sequence_id, contact_id, location_id, objection_type, created_at) VALUES ($s, $c, $l, $t, $at)",
                ("$s", sequenceId), ("$c", contactId), ("$l", locationId), ("$t", type), ("$at", at));

        public async Task CompleteAsync()
        {
            await _transaction.CommitAsync();
            await using var analyze = _connection.CreateCommand();
            analyze.CommandText = "ANALYZE";
            await analyze.ExecuteNonQueryAsync();
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in _commands.Values)
            {
                await command.DisposeAsync();
            }

            await _transaction.DisposeAsync();
            await _connection.DisposeAsync();
        }

        private async Task RunAsync(string sql, params (string Name, object? Value)[] values)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = _connection.CreateCommand();
                command.Transaction = _transaction;
                command.CommandText = sql;
                foreach (var (name, _) in values)
                {
                    command.Parameters.Add(new SqliteParameter { ParameterName = name });
                }

                _commands[sql] = command;
            }

            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i].Value ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Binary COPY per table: rows are buffered per table, then copied at the end in table order (foreign keys).</summary>
    private sealed class PostgresWriter : ISeedWriter
    {
        private readonly NpgsqlConnection _connection;
        private readonly List<object?[]> _sequences = [];
        private readonly List<object?[]> _touches = [];
        private readonly List<object?[]> _replies = [];
        private readonly List<object?[]> _decisions = [];
        private readonly List<object?[]> _events = [];
        private readonly List<object?[]> _objections = [];

        private PostgresWriter(NpgsqlConnection connection) => _connection = connection;

        public static async Task<PostgresWriter> OpenAsync(string connection)
        {
            var pg = new NpgsqlConnection(connection);
            await pg.OpenAsync();
            return new PostgresWriter(pg);
        }

        public Task SequenceAsync(long id, string contactId, string locationId, string variant, string currentStep, DateTime enrolledAt, DateTime? endedAt, string endReason)
        {
            _sequences.Add([id, contactId, locationId, variant, currentStep, enrolledAt, endedAt, endReason]);
            return Task.CompletedTask;
        }

        public Task TouchAsync(long sequenceId, string contactId, string locationId, string step, string channel, DateTime sentAt)
        {
            _touches.Add([sequenceId, contactId, locationId, step, channel, sentAt]);
            return Task.CompletedTask;
        }

        public Task ReplyAsync(long sequenceId, string contactId, string locationId, string category, bool autoResponder, DateTime at)
        {
            _replies.Add([sequenceId, contactId, locationId, category, autoResponder, at]);
            return Task.CompletedTask;
        }

        public Task DecisionAsync(long sequenceId, string contactId, string step, string outcome, string reason, DateTime at)
        {
            _decisions.Add([sequenceId, contactId, step, outcome, reason, at]);
            return Task.CompletedTask;
        }

        public Task EventAsync(long sequenceId, string contactId, string kind, DateTime at)
        {
            _events.Add([sequenceId, contactId, kind, at]);
            return Task.CompletedTask;
        }

        public Task ObjectionAsync(long sequenceId, string contactId, string locationId, string type, DateTime at)
        {
            _objections.Add([sequenceId, contactId, locationId, type, at]);
            return Task.CompletedTask;
        }

        public async Task CompleteAsync()
        {
            await CopyAsync("sdr_prospects (id, contact_id, location_id, source, lead_type, enrolled_at)", _sequences, async (w, r) =>
            {
                await w.WriteAsync((long)r[0]!, NpgsqlDbType.Bigint);
                await w.WriteAsync((string)r[1]!);
                await w.WriteAsync((string)r[2]!);
                await w.WriteAsync("bench");
                await w.WriteAsync("seller");
                await w.WriteAsync((DateTime)r[5]!, NpgsqlDbType.TimestampTz);
            });
            await CopyAsync("sdr_outreach_sequences (id, prospect_id, contact_id, location_id, ab_variant, current_step, enrolled_at, is_active, reply_count, dispatch_attempts, schedule_shift_minutes, updated_at, ended_at, end_reason)", _sequences, async (w, r) =>
            {
                await w.WriteAsync((long)r[0]!, NpgsqlDbType.Bigint);
                await w.WriteAsync((long)r[0]!, NpgsqlDbType.Bigint);
                await w.WriteAsync((string)r[1]!);
                await w.WriteAsync((string)r[2]!);
                await w.WriteAsync((string)r[3]!);
                await w.WriteAsync((string)r[4]!);
                await w.WriteAsync((DateTime)r[5]!, NpgsqlDbType.TimestampTz);
                await w.WriteAsync(false);
                await w.WriteAsync(0);
                await w.WriteAsync(0);
                await w.WriteAsync(0.0);
                await w.WriteAsync((DateTime)r[5]!, NpgsqlDbType.TimestampTz);
                await WriteNullableAsync(w, r[6]);
                await w.WriteAsync((string)r[7]!);
            });
            await CopyAsync("sdr_outreach_touches (sequence_id, contact_id, location_id, step, channel, status, sent_at, reserved_at, touch_date, needs_review, reconcile_attempts)", _touches, async (w, r) =>
            {
                await w.WriteAsync((long)r[0]!, NpgsqlDbType.Bigint);
                await w.WriteAsync((string)r[1]!);
                await w.WriteAsync((string)r[2]!);
                await w.WriteAsync((string)r[3]!);
                await w.WriteAsync((string)r[4]!);
                await w.WriteAsync("sent");
                await w.WriteAsync((DateTime)r[5]!, NpgsqlDbType.TimestampTz);
                await w.WriteAsync((DateTime)r[5]!, NpgsqlDbType.TimestampTz);
                await w.WriteAsync(DateOnly.FromDateTime((DateTime)r[5]!), NpgsqlDbType.Date);
                await w.WriteAsync(false);
                await w.WriteAsync(0);
            });
            await CopyAsync("sdr_replies (sequence_id, contact_id, location_id, category, is_auto_responder, received_at, confidence, decided_by)", _replies, async (w, r) =>
            {
                await w.WriteAsync((long)r[0]!, NpgsqlDbType.Bigint);
                await w.WriteAsync((string)r[1]!);
                await w.WriteAsync((string)r[2]!);
                await w.WriteAsync((string)r[3]!);
                await w.WriteAsync((bool)r[4]!);
                await w.WriteAsync((DateTime)r[5]!, NpgsqlDbType.TimestampTz);
                await w.WriteAsync(0.9);
                await w.WriteAsync("patterns");
            });
            await CopyAsync("sdr_dispatch_decisions (sequence_id, contact_id, step, outcome, reason, at)", _decisions, async (w, r) =>
            {
                await w.WriteAsync((long)r[0]!, NpgsqlDbType.Bigint);
                await w.WriteAsync((string)r[1]!);
                await w.WriteAsync((string)r[2]!);
                await w.WriteAsync((string)r[3]!);
                await w.WriteAsync((string)r[4]!);
                await w.WriteAsync((DateTime)r[5]!, NpgsqlDbType.TimestampTz);
            });
            await CopyAsync("sdr_sequence_events (sequence_id, contact_id, kind, detail, at)", _events, async (w, r) =>
            {
                await w.WriteAsync((long)r[0]!, NpgsqlDbType.Bigint);
                await w.WriteAsync((string)r[1]!);
                await w.WriteAsync((string)r[2]!);
                await w.WriteAsync((string)r[2]!);
                await w.WriteAsync((DateTime)r[3]!, NpgsqlDbType.TimestampTz);
            });
            await CopyAsync("sdr_objection_logs (sequence_id, contact_id, location_id, objection_type, created_at)", _objections, async (w, r) =>
            {
                await w.WriteAsync((long)r[0]!, NpgsqlDbType.Bigint);
                await w.WriteAsync((string)r[1]!);
                await w.WriteAsync((string)r[2]!);
                await w.WriteAsync((string)r[3]!);
                await w.WriteAsync((DateTime)r[4]!, NpgsqlDbType.TimestampTz);
            });
            foreach (var table in new[] { "sdr_prospects", "sdr_outreach_sequences" })
            {
                await using var reset = new NpgsqlCommand($"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))", _connection);
                await reset.ExecuteNonQueryAsync();
            }

            await using var analyze = new NpgsqlCommand("ANALYZE", _connection);
            await analyze.ExecuteNonQueryAsync();
        }

        public ValueTask DisposeAsync() => _connection.DisposeAsync();

        private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, object? value) =>
            value is DateTime at ? writer.WriteAsync(at, NpgsqlDbType.TimestampTz) : writer.WriteNullAsync();

        private async Task CopyAsync(string target, List<object?[]> rows, Func<NpgsqlBinaryImporter, object?[], Task> write)
        {
            await using var importer = await _connection.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)");
            foreach (var row in rows)
            {
                await importer.StartRowAsync();
                await write(importer, row);
            }

            await importer.CompleteAsync();
        }
    }
}
