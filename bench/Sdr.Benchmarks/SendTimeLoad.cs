using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sdr.Core.Data;
using Sdr.Core.Security;
using Sdr.Core.Sequences;

namespace Sdr.Benchmarks;

/// <summary>
/// The send-time model's refresh (<see cref="ReplyRateModels"/>: one grouped query per location) over N touches of
/// ONE location in the last 90 days on SQLite, the worst case for a location: seven touches per sequence over the
/// cadence's channels, recipients in four US zones, one touch in twelve answered (a human reply within the hour,
/// one in thirty an auto-responder). Prints the refresh time of 5 runs after one warm-up.
/// <c>dotnet run -c Release --project bench/Sdr.Benchmarks -- send-time [--touches 1000000]</c>
/// </summary>
internal static class SendTimeLoad
{
    private const string Location = "bench-location";

    private static readonly (string Step, string Channel, double Hours)[] Cadence =
    [
        ("sms_1", "sms", 0.5), ("email_1", "email", 24), ("sms_2", "sms", 70), ("voicemail_1", "voicemail", 120),
        ("email_2", "email", 170), ("sms_3", "sms", 245), ("voicemail_2", "voicemail", 330),
    ];

    private static readonly string[] Zones = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"];

    public static async Task<int> RunAsync(string[] args)
    {
        var touches = args.Length == 2 && args[0] == "--touches" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var work = Directory.CreateTempSubdirectory("sdr-send-time-").FullName;
        try
        {
            var options = new DbContextOptionsBuilder<SqliteSdrDbContext>();
            DatabaseSetup.ConfigureSqlite(options, $"Data Source={Path.Combine(work, "sdr.db")}");
            await using var db = new SqliteSdrDbContext(options.Options, FernetKeyRing.Parse(FernetKeyRing.GenerateKey(), TimeProvider.System));
            await db.Database.MigrateAsync();

            var now = DateTime.UtcNow;
            var seeding = Stopwatch.StartNew();
            var seeded = await SeedAsync(Path.Combine(work, "sdr.db"), touches, now);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded {seeded:N0} touches of one location in {seeding.Elapsed.TotalSeconds:F1} s."));

            var models = new ReplyRateModels(
                new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(),
                TimeProvider.System,
                Options.Create(new SequenceOptions()),
                Microsoft.Extensions.Logging.Abstractions.NullLogger<ReplyRateModels>.Instance);
            var sql = models.Query(db, Location, now).ToQueryString();
            Console.WriteLine(sql);
            await using (var explain = db.Database.GetDbConnection().CreateCommand())
            {
                await db.Database.OpenConnectionAsync();
                explain.CommandText = "EXPLAIN QUERY PLAN " + sql[(sql.IndexOf("SELECT", StringComparison.Ordinal))..];
                foreach (var line in sql.Split('\n').TakeWhile(l => l.StartsWith(".param", StringComparison.Ordinal)))
                {
                    var parts = line.Split(' ', 4);
                    var parameter = explain.CreateParameter();
                    parameter.ParameterName = parts[2];
                    parameter.Value = parts[3].Trim('\'');
                    explain.Parameters.Add(parameter);
                }

                await using var plan = await explain.ExecuteReaderAsync();
                while (await plan.ReadAsync())
                {
                    Console.WriteLine("  plan: " + plan.GetString(3));
                }
            }

            await models.CountAsync(db, Location, now, CancellationToken.None);
            var times = new List<double>();
            ReplyRateModel? model = null;
            for (var i = 0; i < 5; i++)
            {
                var clock = Stopwatch.StartNew();
                model = await models.CountAsync(db, Location, now, CancellationToken.None);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            var sms = model!.For("sms")!;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

                Send-time model refresh over {seeded:N0} touches of one location (SQLite, 90 days):
                  min {times[0]:F0} ms  median {times[2]:F0} ms  max {times[^1]:F0} ms
                  SMS counted: {sms.Sent:N0} sent, {sms.Replied:N0} answered. Load average: {MachineInfo.LoadAverage()}.
                """));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<long> SeedAsync(string path, int target, DateTime now)
    {
        var random = new Random(17);
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF;";
            await pragma.ExecuteNonQueryAsync();
        }

        await using var transaction = connection.BeginTransaction();
        var sequence = Command(connection, transaction,
            "INSERT INTO sdr_prospects (id, contact_id, location_id, source, lead_type, enrolled_at, time_zone) VALUES ($id, $c, $l, 'bench', 'seller', $e, $z);" +
            "INSERT INTO sdr_outreach_sequences (id, prospect_id, contact_id, location_id, current_step, ab_variant, enrolled_at, is_active, reply_count, dispatch_attempts, schedule_shift_minutes, updated_at) " +
            "VALUES ($id, $id, $c, $l, 'voicemail_2', 'consultative', $e, 0, 0, 0, 0, $e)",
            "$id", "$c", "$l", "$e", "$z");
        var touch = Command(connection, transaction,
            "INSERT INTO sdr_outreach_touches (sequence_id, contact_id, location_id, step, channel, status, sent_at, replied_at, reserved_at, touch_date, needs_review, reconcile_attempts) " +
            "VALUES ($s, $c, $l, $step, $ch, 'sent', $at, $r, $at, $d, 0, 0)",
            "$s", "$c", "$l", "$step", "$ch", "$at", "$r", "$d");
        var reply = Command(connection, transaction,
            "INSERT INTO sdr_replies (sequence_id, contact_id, location_id, category, confidence, decided_by, is_auto_responder, received_at) VALUES ($s, $c, $l, 'engagement', 0.9, 'patterns', $auto, $at)",
            "$s", "$c", "$l", "$auto", "$at");

        long written = 0;
        for (long id = 1; written < target; id++)
        {
            var contact = $"bench-contact-{id}";
            var enrolledAt = now.AddDays(-90).AddMinutes(random.NextDouble() * 76 * 24 * 60);
            await RunAsync(sequence, id, contact, Location, enrolledAt, Zones[id % Zones.Length]);
            foreach (var (step, channel, hours) in Cadence)
            {
                var sentAt = enrolledAt.AddHours(hours + (random.NextDouble() * 10));
                var answered = random.Next(12) == 0;
                await RunAsync(touch, id, contact, Location, step, channel, sentAt, answered ? sentAt.AddMinutes(40) : null, DateOnly.FromDateTime(sentAt));
                if (answered)
                {
                    await RunAsync(reply, id, contact, Location, random.Next(30) == 0, sentAt.AddMinutes(40));
                }

                if (++written >= target || answered)
                {
                    break;
                }
            }
        }

        await transaction.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
        return written;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static Task<int> RunAsync(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command.ExecuteNonQueryAsync();
    }
}
