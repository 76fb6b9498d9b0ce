using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sdr.Core.Configuration;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.GoHighLevel;
using Sdr.Core.Security;
using Sdr.Core.Sequences;
using Sdr.Sandbox;

namespace Sdr.Benchmarks;

/// <summary>
/// The cadence load driver: the real server (WebApplicationFactory over Program, fresh SQLite file)
/// sends due touches through the real GHL client over loopback HTTP to an in-memory GHL sandbox.
/// Timed: POST /sdr/sequences/process-batch repeated until nothing is due. Then two raw baselines
/// against the same sandbox at the same concurrency.
/// </summary>
internal static class CadenceBenchmark
{
    private const string Location = "bench-location-1";
    private const string Token = "bench-token-1";

    public static async Task<int> RunAsync(CadenceSettings settings)
    {
        if (settings.MinThreads is { } minThreads)
        {
            ThreadPool.SetMinThreads(minThreads, minThreads);
        }

        var dataDirectory = Directory.CreateTempSubdirectory("sdr-bench-").FullName;
        var profiler = settings.Profile ? new BenchProfiler() : null;
        Console.WriteLine($"data directory: {dataDirectory}");

        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions
        {
            Locations = [new SandboxLocation(Location, Token)],
            ContactsPerLocation = 10,
            RateLimitEnabled = false,

            // With RateLimitEnabled=false the sandbox still counts requests and reports
            // X-RateLimit-Remaining from these numbers; the GHL client pauses the location for a whole
            // window when it reads 0. Make the advertised budget effectively unlimited too.
            RequestsPerWindow = 100_000_000,
            DailyLimit = int.MaxValue,
            MaxRecordedRequests = 1000,
        });
        Console.WriteLine($"GHL sandbox: {sandbox.BaseUrl}");

        ConfigureEnvironment(settings, sandbox, dataDirectory);
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new DaytimeClock()));
            if (profiler is not null)
            {
                builder.ConfigureTestServices(profiler.Register);
            }
        });

        try
        {
            var services = factory.Services; // starts the host and applies migrations
            var concurrency = services.GetRequiredService<IOptions<PerformanceOptions>>().Value.DispatchConcurrency;
            var apiKey = services.GetRequiredService<IConfiguration>()["Sdr:ApiKey"];
            using var client = factory.CreateClient();
            if (!string.IsNullOrEmpty(apiKey))
            {
                client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
            }

            Console.WriteLine($"dispatch concurrency: {concurrency}, batch size: {settings.BatchSize}, sequences: {settings.Sequences}, warm-up: {settings.Warmup}");

            // Warm-up: JIT, connection pools, EF model and query caches. Not timed, not counted.
            if (settings.Warmup > 0)
            {
                var warm = AddContacts(sandbox, settings.Warmup, "Warm");
                await SeedSequencesAsync(services, warm);
                var warmRun = await DrainAsync(client, settings.BatchSize, settings.Warmup);
                Console.WriteLine($"warm-up: {warmRun.Dispatched} dispatched in {warmRun.Elapsed.TotalMilliseconds:F0} ms");
            }

            sandbox.State.ClearRecordings();

            var contacts = AddContacts(sandbox, settings.Sequences, "Bench");
            var seedWatch = Stopwatch.StartNew();
            await SeedSequencesAsync(services, contacts);
            Console.WriteLine($"seeded {contacts.Count} due sequences in {seedWatch.ElapsedMilliseconds} ms");

            var idle = ResourceUsage.Start();
            await Task.Delay(TimeSpan.FromSeconds(settings.IdleSeconds));
            var idleUsage = idle.Stop();
            Console.WriteLine($"idle process (host + sandbox up, nothing to do) for {settings.IdleSeconds} s: {idleUsage.BusyCores:F2} busy cores, {idleUsage.AllocatedBytes / 1024} KB allocated");

            profiler?.Reset();
            using var cpuTrace = settings.CpuTrace ? CpuTrace.Start(dataDirectory) : null;
            var loadBefore = MachineInfo.LoadAverage();
            var usage = ResourceUsage.Start();
            var run = await DrainAsync(client, settings.BatchSize, settings.Sequences);
            var engineUsage = usage.Stop();
            Console.WriteLine($"load average before / after the engine run: {loadBefore} / {MachineInfo.LoadAverage()} (other processes on this machine compete for the same cores)");
            if (cpuTrace is not null)
            {
                Console.WriteLine(await cpuTrace.StopAndReportAsync());
            }

            var verification = await VerifyAsync(sandbox, services, contacts);
            var engine = new Measurement("engine: process-batch → GHL client → sandbox", run.Dispatched, run.Elapsed, engineUsage);
            Console.WriteLine($"engine: {run.Dispatched} dispatched, {run.Skipped} skipped, {run.Errors} errors, {run.Batches} batches in {run.Elapsed.TotalMilliseconds:F0} ms");
            Console.WriteLine($"verification: {verification.Summary}");

            ProfileReport? profile = null;
            if (profiler is not null)
            {
                profile = profiler.Report(run, concurrency);
                Console.WriteLine();
                Console.WriteLine(profile.Markdown);
            }

            Measurement? raw = null, rawSqlite = null, clientOnly = null;
            if (!settings.SkipBaselines)
            {
                sandbox.State.ClearRecordings();
                var ghl = services.GetRequiredService<IGoHighLevelClient>();
                clientOnly = await new ClientBaseline(ghl, Location, contacts, concurrency, Math.Min(settings.Warmup, contacts.Count)).RunAsync();
                Console.WriteLine($"GHL client alone: {clientOnly.Count} in {clientOnly.Elapsed.TotalMilliseconds:F0} ms");
                var baseline = new RawBaseline(sandbox.BaseUrl, Token, contacts, concurrency, Math.Min(settings.Warmup, contacts.Count), dataDirectory);
                raw = await baseline.RunAsync(withSqlite: false);
                Console.WriteLine($"raw HTTP: {raw.Count} in {raw.Elapsed.TotalMilliseconds:F0} ms");
                rawSqlite = await baseline.RunAsync(withSqlite: true);
                Console.WriteLine($"raw HTTP + SQLite insert: {rawSqlite.Count} in {rawSqlite.Elapsed.TotalMilliseconds:F0} ms");
            }

            var result = new CadenceResult(settings, concurrency, run, engine, raw, rawSqlite, verification, profile, MachineInfo.Collect()) { ClientOnly = clientOnly };
            Console.WriteLine();
            Console.WriteLine(Report.Table(result));
            if (settings.DocPath is not null)
            {
                Report.AppendToDoc(settings.DocPath, result);
                Console.WriteLine($"appended this run to {settings.DocPath}");
            }

            return verification.Ok ? 0 : 1;
        }
        finally
        {
            await factory.DisposeAsync();
            TryDelete(dataDirectory);
        }
    }

    /// <summary>
    /// The server reads its configuration from config/sdr_config.yaml, then environment variables:
    /// setting them here makes them visible while Program composes the host.
    /// </summary>
    private static void ConfigureEnvironment(CadenceSettings settings, GhlSandbox sandbox, string dataDirectory)
    {
        var values = new Dictionary<string, string?>
        {
            ["Ghl__BaseUrl"] = sandbox.BaseUrl.ToString(),
            ["Ghl__Locations__0__LocationId"] = Location,
            ["Ghl__Locations__0__Token"] = Token,

            // The client's own per-location token bucket: GhlOptions caps RequestsPerWindow at 10,000,
            // so 10,000 per 100 ms (100k/s) and a daily limit far above the run.
            ["Ghl__RequestsPerWindow"] = "10000",
            ["Ghl__Window"] = "00:00:00.100",
            ["Ghl__DailyLimit"] = "100000000",
            ["Sdr__CadenceWorker__Enabled"] = "false",
            ["Sdr__DataDirectory"] = dataDirectory,
            [FernetKeyRing.EnvironmentVariable] = FernetKeyRing.GenerateKey(),
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Sdr"] = null,
            ["SDR_WORKFLOW_SMS_1"] = null,

            // Product caps that would otherwise stop a 10,000-touch run part-way.
            ["sdr__rate_limits__daily_sms_cap"] = "1000000",
        };
        if (settings.Concurrency is { } concurrency)
        {
            values["sdr__performance__dispatch_concurrency"] = concurrency.ToString(CultureInfo.InvariantCulture);
        }

        // WebApplicationFactory finds the server's content root (appsettings.json) through this setting
        // when the build output is outside the repository (e.g. --artifacts-path).
        if (FindServerContentRoot() is { } contentRoot)
        {
            values["ASPNETCORE_TEST_CONTENTROOT_SDR"] = contentRoot;
        }

        foreach (var (key, value) in values)
        {
            Environment.SetEnvironmentVariable(key, value);
        }
    }

    internal static string? FindServerContentRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "Sdr.Server");
                if (File.Exists(Path.Combine(candidate, "Sdr.Server.csproj")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static List<SandboxContact> AddContacts(GhlSandbox sandbox, int count, string lastName)
    {
        var contacts = new List<SandboxContact>(count);
        var prefix = lastName == "Warm" ? 7 : 5;
        for (var i = 0; i < count; i++)
        {
            contacts.Add(sandbox.State.AddContact(new SandboxContact
            {
                LocationId = Location,
                FirstName = FirstNames[i % FirstNames.Length],
                LastName = lastName,
                Phone = $"+1512{prefix}{i:D6}",
                Email = $"{lastName.ToLowerInvariant()}{i}@example.com",
                Timezone = "America/Chicago",
                Source = "benchmark",
            }));
        }

        return contacts;
    }

    private static readonly string[] FirstNames = ["Maria", "James", "Aisha", "Wei", "Olivia", "Mateo", "Priya", "Noah", "Fatima", "Liam"];

    /// <summary>One prospect and one active, due sequence per contact, inserted in bulk.</summary>
    private static async Task SeedSequencesAsync(IServiceProvider services, IReadOnlyList<SandboxContact> contacts)
    {
        const int chunk = 2500;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var start = 0; start < contacts.Count; start += chunk)
        {
            var batch = contacts.Skip(start).Take(chunk).Select(c => new SdrOutreachSequence
            {
                ContactId = c.Id,
                LocationId = Location,
                CurrentStep = SequenceStep.Enrolled,
                AbVariant = "consultative",
                EnrolledAt = now,
                NextTouchAt = now.AddMinutes(-1),
                IsActive = true,
                UpdatedAt = now,
                Prospect = new SdrProspect
                {
                    ContactId = c.Id,
                    LocationId = Location,
                    Source = "manual",
                    LeadType = "ambiguous",
                    EnrolledAt = now,
                    FirstName = c.FirstName,
                    TimeZone = c.Timezone,
                    State = "TX",
                },
            }).ToList();
            db.Sequences.AddRange(batch);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    private static async Task<DrainResult> DrainAsync(HttpClient client, int batchSize, int expected)
    {
        var batches = new List<BatchSample>();
        int dispatched = 0, skipped = 0, errors = 0;
        var maxBatches = (expected / batchSize * 3) + 10;
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var started = watch.Elapsed;
            using var response = await client.PostAsync($"/sdr/sequences/process-batch?batch_size={batchSize}", null);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"process-batch answered {(int)response.StatusCode}: {body}");
            }

            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var sample = new BatchSample(
                root.GetProperty("processed").GetInt32(),
                root.GetProperty("dispatched").GetInt32(),
                root.GetProperty("skipped").GetInt32(),
                root.GetProperty("errors").GetInt32(),
                root.GetProperty("duration_ms").GetInt64(),
                watch.Elapsed - started);
            batches.Add(sample);
            dispatched += sample.Dispatched;
            skipped += sample.Skipped;
            errors += sample.Errors;
            if (sample.Processed == 0)
            {
                break;
            }

            if (batches.Count > maxBatches)
            {
                throw new InvalidOperationException($"process-batch still claims sequences after {batches.Count} batches; giving up");
            }
        }

        watch.Stop();
        return new DrainResult(dispatched, skipped, errors, batches.Count, watch.Elapsed, batches);
    }

    private static async Task<Verification> VerifyAsync(GhlSandbox sandbox, IServiceProvider services, IReadOnlyList<SandboxContact> contacts)
    {
        var sent = sandbox.State.SentMessages;
        var expected = contacts.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var perContact = sent.GroupBy(m => m.ContactId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var duplicates = perContact.Count(p => p.Value > 1);
        var unexpected = perContact.Keys.Count(id => !expected.Contains(id));
        var missing = expected.Count(id => !perContact.ContainsKey(id));
        var notSms = sent.Count(m => m.Type != "SMS");

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        var ids = expected.ToList();
        var sentTouches = await db.Touches.CountAsync(t => t.Status == TouchStatus.Sent && ids.Contains(t.ContactId));
        var stillDue = await db.Sequences.CountAsync(s => s.IsActive && s.CurrentStep == SequenceStep.Enrolled && ids.Contains(s.ContactId));
        return new Verification(sent.Count, perContact.Count, duplicates, unexpected, missing, notSms, sentTouches, stillDue, contacts.Count);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the WAL file for a moment; it is a temp folder.
        }
    }
}

internal sealed record BatchSample(int Processed, int Dispatched, int Skipped, int Errors, long ServerMs, TimeSpan RoundTrip);

internal sealed record DrainResult(int Dispatched, int Skipped, int Errors, int Batches, TimeSpan Elapsed, IReadOnlyList<BatchSample> Samples);

internal sealed record Verification(
    int SentMessages,
    int DistinctContacts,
    int ContactsSentTwice,
    int UnexpectedContacts,
    int MissingContacts,
    int NotSms,
    int SentTouchRows,
    int SequencesStillAtEnrolled,
    int Expected)
{
    public bool Ok => SentMessages == Expected && DistinctContacts == Expected && ContactsSentTwice == 0
        && UnexpectedContacts == 0 && MissingContacts == 0 && NotSms == 0 && SentTouchRows == Expected && SequencesStillAtEnrolled == 0;

    public string Summary =>
        $"{(Ok ? "OK" : "FAILED")}: sandbox recorded {SentMessages} SMS for {DistinctContacts} distinct contacts (expected {Expected}); " +
        $"{ContactsSentTwice} contacts texted twice, {MissingContacts} missing, {UnexpectedContacts} unexpected, {NotSms} non-SMS; " +
        $"{SentTouchRows} touch rows 'sent'; {SequencesStillAtEnrolled} sequences still at 'enrolled'";
}

internal sealed record Measurement(string Name, int Count, TimeSpan Elapsed, ResourceSample Usage)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;

    public double CpuMicrosPerItem => Usage.Cpu.TotalMicroseconds / Math.Max(Count, 1);

    public double AllocatedKbPerItem => Usage.AllocatedBytes / 1024.0 / Math.Max(Count, 1);
}

internal sealed record CadenceResult(
    CadenceSettings Settings,
    int Concurrency,
    DrainResult Run,
    Measurement Engine,
    Measurement? Raw,
    Measurement? RawSqlite,
    Verification Verification,
    ProfileReport? Profile,
    MachineInfo Machine)
{
    /// <summary>The product's GHL client alone over the same sandbox (no engine), when the baselines ran.</summary>
    public Measurement? ClientOnly { get; init; }
}
