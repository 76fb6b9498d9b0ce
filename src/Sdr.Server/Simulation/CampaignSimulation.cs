using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Sdr.Core.Compliance.Conversations;
using Sdr.Core.Configuration;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Outbox;
using Sdr.Core.Security;
using Sdr.Core.Sequences;
using Sdr.Core.Webhooks;
using Sdr.Sandbox;
using Sdr.Server.Hosting;

namespace Sdr.Server.Simulation;

/// <summary>
/// Runs a campaign on a <see cref="SimulationClock"/> against the GHL sandbox and a throwaway SQLite
/// database, through the product's own services (the server's composition root, without its real-time
/// workers): the cadence batch, the webhook processor, the outbound message runner and the GHL outbox
/// are called here, in the order the workers would reach them, whenever something is due. The clock then
/// jumps to the next due moment: a cadence tick with a touch or a resume due, a webhook, message or GHL
/// action due, a persona's answer due, or the next hour's enrolments.
/// </summary>
internal sealed class CampaignSimulation
{
    private const int QueueBatchSize = 100;
    private const int MinCadenceBatch = 500;
    private const string LocationPrefix = "sim-location-";

    /// <summary>How long a scripted prospect takes to answer a message of ours.</summary>
    private static readonly TimeSpan PersonaReplyDelay = TimeSpan.FromMinutes(2);

    private readonly SimulationSettings _settings;
    private readonly TextWriter _progress;
    private readonly SimulationPhases _phases = new();
    private readonly Dictionary<string, int> _skipped = new(StringComparer.Ordinal);

    public CampaignSimulation(SimulationSettings settings, TextWriter progress)
    {
        _settings = settings;
        _progress = progress;
    }

    public async Task<SimulationReport> RunAsync(CancellationToken cancellationToken)
    {
        var wall = Stopwatch.StartNew();
        var startAt = new DateTimeOffset(_settings.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var endAt = startAt.AddDays(_settings.Days);
        var clock = new SimulationClock(startAt);
        var dataDirectory = Directory.CreateTempSubdirectory("sdr-simulate-");
        var databasePath = Path.Combine(dataDirectory.FullName, "simulation.db");
        var locations = Enumerable.Range(1, _settings.Locations)
            .Select(i => new SandboxLocation(LocationPrefix + i.ToString(CultureInfo.InvariantCulture), $"sim-token-{i}"))
            .ToList();
        var perLocation = (_settings.Contacts + _settings.Locations - 1) / _settings.Locations;
        try
        {
            await using var sandbox = await GhlSandbox.StartAsync(
                new SandboxOptions
                {
                    Locations = locations,
                    ContactsPerLocation = perLocation,
                    Seed = _settings.Seed,
                    RateLimitEnabled = false,
                    TimeProvider = clock,
                    MaxRecordedRequests = 1000,

                    // The same delay for every answer: the sandbox's jitter follows its message ids, whose order
                    // depends on which of several concurrent sends it numbered first.
                    PersonaReplyDelay = PersonaReplyDelay,
                    PersonaReplyJitter = TimeSpan.Zero,
                    DeliverEventsOnDemand = true,
                },
                cancellationToken);
            var population = SimulationPopulation.Pick(sandbox.State, locations, _settings);
            var counter = new GhlCallCounter(clock, locations.ToDictionary(l => l.Token, l => l.LocationId, StringComparer.Ordinal));
            await using var app = BuildHost(sandbox, clock, counter, databasePath);
            SdrApplication.CheckSettings(app);
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            await app.StartAsync(cancellationToken);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            sandbox.WebhookTarget = new SandboxWebhookTarget(EmbeddedSandbox.WebhookBase(addresses)
                ?? throw new InvalidOperationException("The simulation's server listens on no HTTP address."));

            _phases.Add("start", wall.Elapsed);
            var waiting = population.EnrolmentQueues();
            var steps = await DriveAsync(app.Services, sandbox, clock, waiting, startAt, endAt, cancellationToken);

            // The report reads the campaign as of its end, as the stats API would answer then.
            clock.AdvanceTo(endAt);
            await app.StopAsync(CancellationToken.None);

            var run = new SimulationRun(
                _settings, startAt, endAt, steps, wall.Elapsed, _phases.Seconds(), _settings.KeepDatabase ? databasePath : null, waiting.Sum(w => w.Value.Count),
                _skipped.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal));
            return await SimulationReportBuilder.BuildAsync(app.Services, run, population, counter, cancellationToken);
        }
        finally
        {
            if (!_settings.KeepDatabase)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                TryDelete(dataDirectory);
            }
        }
    }

    private WebApplication BuildHost(GhlSandbox sandbox, SimulationClock clock, GhlCallCounter counter, string databasePath)
    {
        var first = sandbox.State.Locations[0].LocationId;
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Ghl:BaseUrl"] = sandbox.BaseUrl.ToString(),

            // The product's own pacing would hold the run to GHL's real-time rate; the calls are counted
            // against GHL's limits instead (GhlCallCounter).
            ["Ghl:RequestsPerWindow"] = "10000",
            ["Ghl:Window"] = "00:00:00.001",
            ["Ghl:DailyLimit"] = "100000000",
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Sdr"] = $"Data Source={databasePath}",
            ["Sdr:DataDirectory"] = Path.GetDirectoryName(databasePath),
            [FernetKeyRing.EnvironmentVariable] = FernetKeyRing.GenerateKey(),
            ["Webhooks:Ed25519PublicKey"] = sandbox.Webhooks.Ed25519PublicKeyPem,
            ["Webhooks:RsaPublicKey"] = sandbox.Webhooks.RsaPublicKeyPem,
            ["Webhooks:SharedSecret"] = null,
            ["Redis:Configuration"] = string.Empty,

            // Scripted prospects and templates only: a run costs nothing and repeats exactly.
            [Sdr.Core.Ai.AnthropicApiKey.EnvironmentVariable] = string.Empty,
            ["SDR_WORKFLOW_VOICEMAIL_DROP"] = sandbox.State.Workflows(first).FirstOrDefault(w => w.Name == "Voicemail Drop")?.Id,
            ["SDR_CALENDAR_ID"] = sandbox.State.Calendar(first).Id,

            // One touch at a time: the order of sends, and so which touch meets a cap first, repeats exactly.
            ["sdr:performance:dispatch_concurrency"] = "1",
            ["Logging:LogLevel:Default"] = "Error",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
            ["Logging:Console:LogToStandardErrorThreshold"] = "Trace",
        };
        for (var i = 0; i < sandbox.State.Locations.Count; i++)
        {
            settings[$"Ghl:Locations:{i}:LocationId"] = sandbox.State.Locations[i].LocationId;
            settings[$"Ghl:Locations:{i}:Token"] = sandbox.State.Locations[i].Token;
        }

        return SdrApplication.Build(
            [],
            withSandbox: false,
            configure: builder =>
            {
                if (_settings.ConfigFile is { } file)
                {
                    builder.Configuration.AddYamlFile(file.FullName, optional: false, reloadOnChange: false);
                }

                builder.Configuration.AddInMemoryCollection(settings);
                builder.Services.AddSingleton<TimeProvider>(clock);
                builder.Services.Configure<HttpClientFactoryOptions>(nameof(Sdr.Core.GoHighLevel.IGoHighLevelClient), options =>
                    options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.AdditionalHandlers.Add(new GhlCallCounter.Handler(counter))));
            },
            withWorkers: false);
    }

    private async Task<int> DriveAsync(
        IServiceProvider services,
        GhlSandbox sandbox,
        SimulationClock clock,
        Dictionary<string, Queue<SimulatedContact>> waiting,
        DateTimeOffset startAt,
        DateTimeOffset endAt,
        CancellationToken cancellationToken)
    {
        var performance = services.GetRequiredService<IOptions<PerformanceOptions>>().Value;
        var rateLimits = services.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var tick = TimeSpan.FromMinutes(performance.CronIntervalMinutes);

        // Between ticks the worker also runs when a touch has come due (planned first touches), looking every due_check_seconds.
        var dueCheck = TimeSpan.FromSeconds(Math.Min(services.GetRequiredService<IOptions<EnrollmentOptions>>().Value.DueCheckSeconds, tick.TotalSeconds));

        // The worker repeats batches until one comes back short, so a tick sends the same touches in the same
        // order (next_touch_at, id) whatever the batch size; bigger batches only mean fewer claims and commits
        // (2,000 contacts: the same report with 50 and 500, the cadence's share of the time 25 s and 18 s).
        var cadenceBatch = Math.Max(performance.CronBatchSize, MinCadenceBatch);
        var scheduler = services.GetRequiredService<CadenceScheduler>();
        var enrollment = services.GetRequiredService<SequenceEnrollment>();
        var webhooks = services.GetRequiredService<WebhookProcessor>();
        var messages = services.GetRequiredService<OutboundMessageRunner>();
        var outbox = services.GetRequiredService<GhlActionRunner>();
        DateTimeOffset? nextEnrolment = startAt;
        DateTimeOffset? lastCadenceTick = null;
        var day = -1;
        var steps = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            steps++;
            var now = clock.GetUtcNow();
            var today = (int)(now - startAt).TotalDays;
            if (today != day)
            {
                day = today;
                await ReportProgressAsync(services, day, now, cancellationToken);
            }

            var phase = Stopwatch.StartNew();
            await sandbox.DeliverDueEventsAsync();
            _phases.Lap("sandbox_webhooks", phase);
            if (nextEnrolment <= now)
            {
                await EnrolAsync(enrollment, waiting, rateLimits.MaxEnrollmentsPerHour, cancellationToken);
                nextEnrolment = waiting.Any(w => w.Value.Count > 0) ? NextHour(now) : null;
            }
            _phases.Lap("enrolment", phase);

            var due = await DueMomentsAsync(services, cancellationToken);
            _phases.Lap("next_due_queries", phase);
            if (due.Webhook <= now)
            {
                while (await webhooks.ProcessDueAsync(QueueBatchSize, cancellationToken) > 0)
                {
                }
            }

            _phases.Lap("webhook_processing", phase);
            if (due.Message <= now)
            {
                while (await messages.RunDueAsync(QueueBatchSize, cancellationToken) > 0)
                {
                }
            }

            _phases.Lap("outbound_messages", phase);
            if (due.Action <= now)
            {
                // One at a time, in the queue's order: two bookings of the same free time then meet GHL in the
                // same order on every run (the runner would otherwise send up to four at once).
                while (await outbox.RunDueAsync(1, cancellationToken) > 0)
                {
                }
            }

            _phases.Lap("ghl_outbox", phase);
            var isTick = (now - startAt).Ticks % tick.Ticks == 0;
            var isDueCheck = (now - startAt).Ticks % dueCheck.Ticks == 0;
            if (lastCadenceTick != now && ((isTick && (due.Touch <= now || due.Resume <= now)) || (isDueCheck && due.Touch <= now)))
            {
                lastCadenceTick = now;
                BatchResult batch;
                do
                {
                    batch = await scheduler.ProcessDueTouchesAsync(cadenceBatch, cancellationToken: cancellationToken);
                }
                while (batch.Processed == cadenceBatch);
            }

            _phases.Lap("cadence_batches", phase);
            due = await DueMomentsAsync(services, cancellationToken);
            _phases.Lap("next_due_queries", phase);
            var next = Earliest(
                NextTick(due.Resume, now, startAt, tick, lastCadenceTick),
                NextTick(due.Touch, now, startAt, dueCheck, lastCadenceTick),
                due.Webhook, due.Message, due.Action, nextEnrolment, clock.NextTimerDue, sandbox.NextEventDueAt);
            if (next is null || next >= endAt)
            {
                break;
            }

            // Something still due now was taken by a claim or lease: look again a second later.
            clock.AdvanceTo(next <= now ? now.AddSeconds(1) : next.Value);
        }

        await sandbox.DeliverDueEventsAsync();
        return steps;
    }

    private async Task EnrolAsync(SequenceEnrollment enrollment, IReadOnlyDictionary<string, Queue<SimulatedContact>> waiting, int perHour, CancellationToken cancellationToken)
    {
        foreach (var (locationId, queue) in waiting)
        {
            var batch = new List<SimulatedContact>();
            while (batch.Count < perHour && queue.TryDequeue(out var contact))
            {
                batch.Add(contact);
            }

            var retry = new List<SimulatedContact>();
            foreach (var group in batch.GroupBy(c => c.Variant))
            {
                var result = await enrollment.EnrollAsync(
                    new EnrollCommand([.. group.Select(c => c.ContactId)], locationId, null, group.Key, "simulation"), cancellationToken);
                var limited = result.Skipped.Where(s => s.Reason == "enrollment_rate_limited").Select(s => s.ContactId).ToHashSet(StringComparer.Ordinal);
                retry.AddRange(group.Where(c => limited.Contains(c.ContactId)));
                foreach (var skip in result.Skipped.Where(s => !limited.Contains(s.ContactId)))
                {
                    _skipped[skip.Reason] = _skipped.GetValueOrDefault(skip.Reason) + 1;
                }

                if (result.Errors.Count > 0)
                {
                    _skipped["error"] = _skipped.GetValueOrDefault("error") + result.Errors.Count;
                }
            }

            // Turned away by the hourly limit: first in line next hour, in the same order.
            if (retry.Count > 0)
            {
                var rest = queue.ToList();
                queue.Clear();
                foreach (var contact in retry.Concat(rest))
                {
                    queue.Enqueue(contact);
                }
            }
        }
    }

    private static async Task<DueMoments> DueMomentsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        var touch = await db.Sequences.AsNoTracking().Where(s => s.IsActive && s.NextTouchAt != null).MinAsync(s => s.NextTouchAt, cancellationToken);
        var resume = await db.Sequences.AsNoTracking().Where(s => s.IsActive && s.ResumesAt != null).MinAsync(s => s.ResumesAt, cancellationToken);
        var webhook = await db.WebhookEvents.AsNoTracking().Where(e => e.Status == WebhookEventStatus.Pending).MinAsync(e => (DateTime?)e.NextAttemptAt, cancellationToken);
        var message = await db.OutboundMessages.AsNoTracking().Where(m => m.Status == OutboundMessageStatus.Pending).MinAsync(m => (DateTime?)m.NotBefore, cancellationToken);
        var action = await db.GhlActions.AsNoTracking().Where(a => a.Status == GhlActionStatus.Pending).MinAsync(a => (DateTime?)a.NextAttemptAt, cancellationToken);
        return new DueMoments(Utc(touch), Utc(resume), Utc(webhook), Utc(message), Utc(action));
    }

    private async Task ReportProgressAsync(IServiceProvider services, int day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        var enrolled = await db.Sequences.CountAsync(cancellationToken);
        var sent = await db.Touches.CountAsync(t => t.Status == TouchStatus.Sent, cancellationToken);
        var replies = await db.Replies.CountAsync(cancellationToken);
        await _progress.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"sdr simulate: day {day + 1}/{_settings.Days} ({now:yyyy-MM-dd}): {enrolled} enrolled, {sent} touches sent, {replies} replies"));
    }

    /// <summary>The first cadence tick (every cron_interval_minutes from the start) at or after <paramref name="due"/> that has not run yet.</summary>
    private static DateTimeOffset? NextTick(DateTimeOffset? due, DateTimeOffset now, DateTimeOffset startAt, TimeSpan tick, DateTimeOffset? lastTick)
    {
        if (due is null)
        {
            return null;
        }

        var from = due.Value > now ? due.Value : now;
        var ticks = (from - startAt).Ticks;
        var next = startAt + TimeSpan.FromTicks((ticks + tick.Ticks - 1) / tick.Ticks * tick.Ticks);
        return next == lastTick ? next + tick : next;
    }

    private static DateTimeOffset NextHour(DateTimeOffset now) =>
        new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1);

    private static DateTimeOffset? Earliest(params DateTimeOffset?[] moments) =>
        moments.Where(m => m is not null).Min();

    private static DateTimeOffset? Utc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;

    private static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the folder is in the temp directory anyway.
        }
    }

    private sealed record DueMoments(DateTimeOffset? Touch, DateTimeOffset? Resume, DateTimeOffset? Webhook, DateTimeOffset? Message, DateTimeOffset? Action);
}

/// <summary>What the report says about the run itself.</summary>
internal sealed record SimulationRun(
    SimulationSettings Settings,
    DateTimeOffset StartAt,
    DateTimeOffset EndAt,
    int Steps,
    TimeSpan Wall,
    IReadOnlyDictionary<string, double> PhaseSeconds,
    string? DatabasePath,
    int NotEnrolled,
    IReadOnlyDictionary<string, int> SkippedAtEnrolment);
