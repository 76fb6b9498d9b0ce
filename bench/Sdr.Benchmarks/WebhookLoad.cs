using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;
using Sdr.Sandbox;

namespace Sdr.Benchmarks;

/// <summary>
/// Webhook intake under load: the real <c>sdr</c> server (a child process, Production settings,
/// durable inbox, processing on) takes GHL-signed InboundMessage webhooks from wrk on loopback.
/// GHL is the sandbox, hosted here; the server knows it only by URL and token. Reports requests/s
/// and latency percentiles, and checks that every 200 is a stored row.
/// <c>dotnet run -c Release --project bench/Sdr.Benchmarks -- webhooks [--provider sqlite|postgres]
/// [--postgres CONN] [--duration 15] [--connections 64] [--threads 2] [--events 80000] [--warmup 15]
/// [--rate 2000 (0: closed loop)] [--no-processing] [--cpu-trace] [--no-doc]</c>
/// </summary>
internal static partial class WebhookLoad
{
    public const double TargetPerSecond = 2000;
    public const double TargetP99Ms = 20;

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = WebhookLoadSettings.Parse(args);
        if (!File.Exists("/usr/bin/wrk"))
        {
            Console.Error.WriteLine("wrk is not installed: apt-get install -y wrk");
            return 2;
        }

        var work = Directory.CreateTempSubdirectory("sdr-webhook-load-").FullName;
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { RateLimitEnabled = false });
        var location = sandbox.State.Locations[0];
        var port = FreePort();
        var connection = settings.Provider == "postgres"
            ? await FreshPostgresAsync(settings.Postgres ?? throw new ArgumentException("--postgres CONN is required with --provider postgres"))
            : $"Data Source={Path.Combine(work, "sdr.db")}";

        Console.WriteLine($"Generating {settings.Events} signed InboundMessage webhooks...");
        var bodies = Path.Combine(work, "bodies.tsv");
        WriteSignedBodies(bodies, sandbox, location.LocationId, settings.Events);
        var script = Path.Combine(work, "post.lua");
        await File.WriteAllTextAsync(script, settings.Rate > 0 ? LuaScript + PacedLuaScript : LuaScript);

        using var server = StartServer(settings, port, work, connection, sandbox, location);
        try
        {
            await WaitReadyAsync(port, server);
            var url = $"http://127.0.0.1:{port}/sdr/webhook/reply";
            // Long enough for tiered compilation to finish its rewrites: with 3 s, the JIT's background thread
            // still took ~40 % of a core during the measurement.
            Console.WriteLine($"Warm-up ({settings.Warmup} s)...");
            await RunWrkAsync(settings with { Duration = settings.Warmup }, url, script, bodies, offset: settings.Events / 2);
            if (!settings.NoProcessing)
            {
                await DrainAsync(settings.Provider, connection);
            }

            var load = MachineInfo.LoadAverage();
            var pendingBefore = await CountAsync(settings.Provider, connection, PendingSql);
            var storedBefore = await CountAsync(settings.Provider, connection, StoredSql);
            Console.WriteLine($"Measuring {settings.Duration} s with {settings.Connections} connections...");
            server.Refresh();
            var cpuBefore = server.TotalProcessorTime;
            using var trace = settings.CpuTrace ? CpuTrace.Start(work, server.Id) : null;
            var output = await RunWrkAsync(settings, url, script, bodies, offset: 0);
            var pendingAfter = await CountAsync(settings.Provider, connection, PendingSql);
            var storedAfter = await CountAsync(settings.Provider, connection, StoredSql);
            Console.WriteLine(output);
            var result = WrkResult.Parse(output);
            if (storedAfter - storedBefore < result.Requests)
            {
                Console.WriteLine($"WARNING: only {storedAfter - storedBefore} of {result.Requests} requests were new events; the rest were duplicates "
                    + "(cheaper: no insert, no processing) because the bodies ran out. Run again with a larger --events.");
            }
            server.Refresh();
            var cpuAtEnd = server.TotalProcessorTime;
            var drain = settings.NoProcessing ? null : await DrainAsync(settings.Provider, connection);
            if (trace is not null)
            {
                // The trace covers the run and the drain after it.
                Console.WriteLine(await trace.StopAndReportAsync());
            }

            server.Refresh();
            var processing = new ProcessingResult(
                (pendingBefore + storedAfter - storedBefore - pendingAfter) / (double)settings.Duration,
                pendingAfter,
                drain,
                (server.TotalProcessorTime - cpuBefore).TotalMicroseconds / Math.Max(result.Requests, 1),
                drain is not null && pendingAfter > 0 ? (server.TotalProcessorTime - cpuAtEnd).TotalMicroseconds / pendingAfter : null);
            var stored = await CountAsync(settings.Provider, connection, StoredSql);
            var report = Describe(settings, result, processing, stored, load);
            Console.WriteLine(report);
            if (!settings.NoDoc)
            {
                AppendToDoc(settings.DocPath, settings, result, processing, stored, load);
            }

            return 0;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            TryDelete(work);
        }
    }

    internal static Process StartServer(WebhookLoadSettings settings, int port, string work, string connection, GhlSandbox sandbox, SandboxLocation location, IReadOnlyDictionary<string, string>? extraEnvironment = null)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "sdr.dll"), "serve", "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        var env = info.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["DOTNET_ENVIRONMENT"] = "Production";
        env["Sdr__DataDirectory"] = work;
        env["Database__Provider"] = settings.Provider == "postgres" ? "Postgres" : "Sqlite";
        env["ConnectionStrings__Sdr"] = connection;
        env["SDR_FERNET_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_');
        env["Ghl__BaseUrl"] = sandbox.BaseUrl.ToString();
        env["Ghl__Locations__0__LocationId"] = location.LocationId;
        env["Ghl__Locations__0__Token"] = location.Token;
        env["Webhooks__Ed25519PublicKey"] = sandbox.Webhooks.Ed25519PublicKeyPem;
        env["Webhooks__MaxBacklog"] = "1000000";
        env["Sdr__CadenceWorker__Enabled"] = "false";
        env["Sdr__ApiKey"] = "bench";
        if (settings.NoProcessing)
        {
            env["Webhooks__ProcessingEnabled"] = "false";
        }

        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start sdr");
        var log = new StreamWriter(Path.Combine(work, "server.log")) { AutoFlush = false };
        process.OutputDataReceived += (_, e) => { lock (log) { log.WriteLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static async Task WaitReadyAsync(int port, Process server)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"sdr exited with {server.ExitCode} before it was ready");
            }

            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{port}/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("sdr did not become ready in 90 s");
    }

    /// <summary>One line per webhook: the Ed25519 signature, a tab, the body. 5 % are STOPs.</summary>
    private static void WriteSignedBodies(string path, GhlSandbox sandbox, string locationId, int count)
    {
        var contacts = sandbox.State.Contacts(locationId).Select(c => c.Id).ToArray();
        var now = DateTimeOffset.UtcNow;
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        for (var i = 0; i < count; i++)
        {
            var payload = new JsonObject
            {
                ["type"] = "InboundMessage",
                ["locationId"] = locationId,
                ["attachments"] = new JsonArray(),
                ["body"] = i % 20 == 0 ? "STOP" : "Sounds good, can you call me tomorrow afternoon?",
                ["contactId"] = contacts[i % contacts.Length],
                ["contentType"] = "text/plain",
                ["conversationId"] = "conv-" + (i % contacts.Length).ToString(CultureInfo.InvariantCulture),
                ["dateAdded"] = now.ToString("O"),
                ["direction"] = "inbound",
                ["messageType"] = "SMS",
                ["status"] = "delivered",
                ["messageId"] = $"bench-{now.ToUnixTimeSeconds()}-{i}",
                ["webhookId"] = Guid.NewGuid().ToString(),
                ["timestamp"] = now.ToString("O"),
            };
            var body = JsonSerializer.SerializeToUtf8Bytes(payload);
            writer.Write(sandbox.Webhooks.SignEd25519(body));
            writer.Write('\t');
            writer.Write(Encoding.UTF8.GetString(body));
            writer.Write('\n');
        }
    }

    private static async Task<string> RunWrkAsync(WebhookLoadSettings settings, string url, string script, string bodies, int offset)
    {
        var info = new ProcessStartInfo("wrk", [
            "-t", settings.Threads.ToString(CultureInfo.InvariantCulture),
            "-c", settings.Connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{settings.Duration}s",
            "--latency",
            "-s", script,
            url,
            "--", bodies, settings.Threads.ToString(CultureInfo.InvariantCulture), offset.ToString(CultureInfo.InvariantCulture),
            settings.Rate.ToString(CultureInfo.InvariantCulture),
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var wrk = Process.Start(info) ?? throw new InvalidOperationException("could not start wrk");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        var error = await wrk.StandardError.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        return wrk.ExitCode == 0 ? output : throw new InvalidOperationException($"wrk failed: {error}{output}");
    }

    internal static async Task<string> FreshPostgresAsync(string connection)
    {
        var builder = new NpgsqlConnectionStringBuilder(connection);
        var database = $"sdr_webhook_load_{DateTime.UtcNow:yyyyMMddHHmmss}";
        builder.Database = "postgres";
        await using (var admin = new NpgsqlConnection(builder.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        builder.Database = database;
        return builder.ConnectionString;
    }

    private const string StoredSql = "SELECT COUNT(*) FROM sdr_webhook_events";
    private const string PendingSql = "SELECT COUNT(*) FROM sdr_webhook_events WHERE status = 'pending'";

    /// <summary>Seconds until no event is pending after the burst (polled every 100 ms; null after 5 minutes).</summary>
    private static async Task<double?> DrainAsync(string provider, string connection)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (await CountAsync(provider, connection, PendingSql) == 0)
            {
                return clock.Elapsed.TotalSeconds;
            }

            await Task.Delay(100);
        }

        return null;
    }

    internal static async Task<long> CountAsync(string provider, string connection, string sql)
    {
        if (provider == "postgres")
        {
            await using var pg = new NpgsqlConnection(connection);
            await pg.OpenAsync();
            await using var command = new NpgsqlCommand(sql, pg);
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        await using var sqlite = new SqliteConnection(connection + ";Mode=ReadOnly");
        await sqlite.OpenAsync();
        await using var query = sqlite.CreateCommand();
        query.CommandText = sql;
        return Convert.ToInt64(await query.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static string Describe(WebhookLoadSettings settings, WrkResult r, ProcessingResult p, long stored, string load)
    {
        var met = r.PerSecond >= TargetPerSecond && r.P99Ms < TargetP99Ms;
        return string.Create(CultureInfo.InvariantCulture, $"""

            Webhook intake on {settings.Provider}{(settings.NoProcessing ? " (processing off)" : "")}: {r.PerSecond:F0} req/s, p50 {r.P50Ms:F2} ms, p90 {r.P90Ms:F2} ms, p99 {r.P99Ms:F2} ms; {r.Requests} requests, {r.Non2xx} non-2xx, {r.SocketErrors} socket errors{(r.LatenessP99Ms is { } late ? $"; paced at {settings.Rate}/s, sends {late:F1} ms behind schedule at p99" : "")}.
            Processing: {(settings.NoProcessing ? "off" : p.ProcessedPerSecond.ToString("F0", CultureInfo.InvariantCulture))} events/s during the run, {p.PendingAfter} pending when it ended, drained {(p.DrainSeconds is { } d ? $"{d:F1} s" : settings.NoProcessing ? "n/a (processing off)" : "NOT within 5 min")} after it; server CPU {p.ServerCpuMicrosPerWebhook:F0} µs per webhook (intake + processing, drain included){(p.DrainCpuMicrosPerEvent is { } c ? $", {c:F0} µs per event while draining (processing alone)" : "")}.
            Stored events (warm-up included): {stored}. Load average before the run: {load}.
            Target (SQLite) ≥ {TargetPerSecond:F0} req/s with p99 < {TargetP99Ms:F0} ms: {(met ? "MET" : "MISSED")}.
            """);
    }

    private static void AppendToDoc(string path, WebhookLoadSettings settings, WrkResult r, ProcessingResult p, long stored, string load)
    {
        const string Header = "## Webhook intake (wrk)";
        const string End = "<!-- webhook-load-end -->";
        var full = Path.GetFullPath(path);
        var text = File.Exists(full) ? File.ReadAllText(full) : "# Benchmarks\n";
        if (!text.Contains(End, StringComparison.Ordinal))
        {
            text = text.TrimEnd() + "\n\n" + Header + "\n\n"
                + "`dotnet run -c Release --project bench/Sdr.Benchmarks -- webhooks [--provider sqlite|postgres --postgres CONN]`: the real `sdr` server as a child process "
                + "(Production settings, processing on, GHL = the sandbox over loopback), wrk posting GHL-signed (Ed25519) InboundMessage webhooks on loopback, 5 % of them STOPs; "
                + "every 200 is answered only after its row is committed. wrk and the server share the same 2 cores.\n\n"
                + "| date (UTC) | provider | connections | duration | req/s | p50 ms | p90 ms | p99 ms | non-2xx | rows stored | processed/s during run | pending at end | drain s | server CPU µs/webhook | load avg before | target (≥ 2,000 req/s, p99 < 20 ms) |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n"
                + End + "\n";
        }

        var met = r.PerSecond >= TargetPerSecond && r.P99Ms < TargetP99Ms;
        var row = string.Create(CultureInfo.InvariantCulture, $"| {DateTime.UtcNow:yyyy-MM-dd HH:mm} | {settings.Provider}{(settings.NoProcessing ? " (processing off)" : "")} | {settings.Connections}{(settings.Rate > 0 ? $" (paced {settings.Rate}/s, lateness p99 {r.LatenessP99Ms:F1} ms)" : "")} | {settings.Duration} s | **{r.PerSecond:F0}** | {r.P50Ms:F2} | {r.P90Ms:F2} | **{r.P99Ms:F2}** | {r.Non2xx} | {stored} | {(settings.NoProcessing ? "off" : p.ProcessedPerSecond.ToString("F0", CultureInfo.InvariantCulture))} | {p.PendingAfter} | {(p.DrainSeconds is { } d ? d.ToString("F1", CultureInfo.InvariantCulture) : "–")} | {p.ServerCpuMicrosPerWebhook:F0} | {load} | {(met ? "met" : "missed")} |");
        var end = text.IndexOf(End, StringComparison.Ordinal);
        File.WriteAllText(full, text[..end] + row + "\n" + text[end..]);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Each wrk thread takes every n-th line (from an offset), so no two requests share a body.</summary>
    private const string LuaScript = """
        local threads = {}
        local counter = 0
        local sigs = {}
        local bodies = {}

        function setup(thread)
          thread:set("tid", #threads)
          table.insert(threads, thread)
        end

        function init(args)
          local path = args[1]
          local n = tonumber(args[2])
          local offset = tonumber(args[3])
          local i = 0
          for line in io.lines(path) do
            if i >= offset and (i - offset) % n == tid then
              local tab = line:find("\t", 1, true)
              sigs[#sigs + 1] = line:sub(1, tab - 1)
              bodies[#bodies + 1] = line:sub(tab + 1)
            end
            i = i + 1
          end
        end

        function request()
          counter = counter + 1
          local idx = ((counter - 1) % #bodies) + 1
          return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["x-ghl-signature"] = sigs[idx] }, bodies[idx])
        end
        """;

    /// <summary>
    /// With <c>--rate R</c>: an open-loop schedule instead of wrk's closed loop. Each thread owns R/threads
    /// evenly spaced send times; a connection that is free waits (<c>delay()</c>) for the next unclaimed one,
    /// so a slow answer does not slow the offered load as long as other connections are free. wrk's latency
    /// runs from the actual send; the schedule lateness (actual send minus scheduled time, 0.1 ms buckets)
    /// is printed and written into the row, so a run where the schedule slipped (coordinated omission) shows.
    /// </summary>
    private const string PacedLuaScript = """

        local ffi = require("ffi")
        ffi.cdef[[
          typedef struct { long sec; long nsec; } sdr_timespec;
          int clock_gettime(int clock, sdr_timespec *tp);
        ]]
        local ts = ffi.new("sdr_timespec")
        local function now_ms()
          ffi.C.clock_gettime(1, ts)
          return tonumber(ts.sec) * 1000 + tonumber(ts.nsec) / 1000000
        end

        local interval = nil
        local next_slot = nil
        local slots = {}
        local head = 1
        local tail = 0
        lateness = {}

        local base_init = init
        function init(args)
          base_init(args)
          interval = 1000 * tonumber(args[2]) / tonumber(args[4])
        end

        function delay()
          local t = now_ms()
          if next_slot == nil then next_slot = t end
          local slot = next_slot
          next_slot = next_slot + interval
          tail = tail + 1
          slots[tail] = slot
          local d = slot - t
          if d <= 0 then return 0 end
          return math.floor(d)
        end

        local base_request = request
        function request()
          local slot = slots[head]
          if slot ~= nil then
            slots[head] = nil
            head = head + 1
            local b = math.floor((now_ms() - slot) * 10)
            if b < 0 then b = 0 end
            if b > 100000 then b = 100000 end
            lateness[b] = (lateness[b] or 0) + 1
          end
          return base_request()
        end

        function done(summary, latency, requests)
          local merged = {}
          local total = 0
          local top = 0
          for _, thread in ipairs(threads) do
            for b, n in pairs(thread:get("lateness")) do
              merged[b] = (merged[b] or 0) + n
              total = total + n
              if b > top then top = b end
            end
          end
          local function pct(p)
            local acc = 0
            for b = 0, top do
              acc = acc + (merged[b] or 0)
              if acc >= total * p then return b / 10 end
            end
            return top / 10
          end
          io.write(string.format("Schedule lateness: p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d requests\n", pct(0.5), pct(0.99), top / 10, total))
        end
        """;

    /// <summary>How the processor kept up: events processed per second during the run, what was left, how long it took to drain.</summary>
    internal sealed record ProcessingResult(double ProcessedPerSecond, long PendingAfter, double? DrainSeconds, double ServerCpuMicrosPerWebhook, double? DrainCpuMicrosPerEvent);

    internal sealed record WrkResult(double PerSecond, double P50Ms, double P90Ms, double P99Ms, long Requests, long Non2xx, long SocketErrors, double? LatenessP99Ms)
    {
        public static WrkResult Parse(string output) => new(
            double.Parse(Match(output, @"Requests/sec:\s+([\d.]+)"), CultureInfo.InvariantCulture),
            Latency(output, "50%"),
            Latency(output, "90%"),
            Latency(output, "99%"),
            long.Parse(Match(output, @"(\d+) requests in"), CultureInfo.InvariantCulture),
            long.TryParse(Optional(output, @"Non-2xx or 3xx responses: (\d+)"), CultureInfo.InvariantCulture, out var non2xx) ? non2xx : 0,
            SocketErrorsIn(output),
            Regex.Match(output, @"Schedule lateness: p50 [\d.]+ ms, p99 ([\d.]+) ms") is { Success: true } late ? double.Parse(late.Groups[1].Value, CultureInfo.InvariantCulture) : null);

        private static double Latency(string output, string percentile)
        {
            var m = Regex.Match(output, $@"^\s+{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
            var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return m.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
        }

        private static long SocketErrorsIn(string output)
        {
            var m = Regex.Match(output, @"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)");
            return m.Success ? Enumerable.Range(1, 4).Sum(i => long.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture)) : 0;
        }

        private static string Match(string output, string pattern) => Regex.Match(output, pattern).Groups[1].Value;

        private static string Optional(string output, string pattern) => Regex.Match(output, pattern) is { Success: true } m ? m.Groups[1].Value : "";
    }
}

internal sealed record WebhookLoadSettings(string Provider, string? Postgres, int Duration, int Connections, int Threads, int Events, bool NoDoc, string DocPath, bool NoProcessing = false, bool CpuTrace = false, int Rate = 0, int Warmup = 15)
{
    public static WebhookLoadSettings Parse(string[] args)
    {
        var settings = new WebhookLoadSettings("sqlite", null, 15, 64, 2, 80_000, false, "bench/RUNLOG.md", Rate: 2000);
        for (var i = 0; i < args.Length; i++)
        {
            settings = args[i] switch
            {
                "--provider" => settings with { Provider = args[++i].ToLowerInvariant() },
                "--postgres" => settings with { Postgres = args[++i] },
                "--duration" => settings with { Duration = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--connections" => settings with { Connections = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--threads" => settings with { Threads = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--events" => settings with { Events = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--no-doc" => settings with { NoDoc = true },
                "--no-processing" => settings with { NoProcessing = true },
                "--warmup" => settings with { Warmup = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--rate" => settings with { Rate = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--cpu-trace" => settings with { CpuTrace = true, NoDoc = true },
                "--doc" => settings with { DocPath = args[++i] },
                _ => throw new ArgumentException($"Unknown option {args[i]}"),
            };
        }

        return settings.Provider is "sqlite" or "postgres" ? settings : throw new ArgumentException("--provider must be sqlite or postgres");
    }
}
