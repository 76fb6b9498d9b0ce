using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Sdr.Core.Compliance.Consent;
using Sdr.Core.Data;
using Sdr.Core.Sequences;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Data;

[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Model_HasNoChangesWithoutAMigration_AndMigrationsApply(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);

        (await host.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()))).ShouldBeFalse(
            $"the {provider} model changed without a migration: run dotnet ef migrations add for it");
        (await host.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).Count())).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Database_RefusesASecondActiveSequenceForTheSameContact(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();

        var insert = () => host.WithDbAsync(async db =>
        {
            var existing = await db.Sequences.AsNoTracking().SingleAsync();
            existing.Id = 0;
            existing.Prospect = null;
            db.Sequences.Add(existing);
            return await db.SaveChangesAsync();
        });

        await Should.ThrowAsync<DbUpdateException>(insert);
    }

    [Fact]
    public async Task SqliteConnections_GetTheEnginesSettings()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);

        var settings = await host.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            var values = new Dictionary<string, string?>();
            foreach (var pragma in new[] { "journal_mode", "synchronous", "busy_timeout", "wal_autocheckpoint", "temp_store" })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA " + pragma;
                values[pragma] = Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            }

            return values;
        });

        settings["journal_mode"].ShouldBe("wal");
        settings["synchronous"].ShouldBe("1", "NORMAL");
        settings["busy_timeout"].ShouldBe("30000");
        settings["wal_autocheckpoint"].ShouldBe("10000");
        settings["temp_store"].ShouldBe("2", "MEMORY: statement journals stay off the disk");
    }

    [Fact]
    public async Task SqliteReconcilerQuery_ReadsOnlyTheSmallIndexOfUnsettledTouches()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var now = DateTime.UtcNow;

        foreach (var location in new[] { null, "loc-1" })
        {
            var plan = await host.WithDbAsync(db => QueryPlanAsync(db, TouchReconciler.UnsettledQuery(db, now, now, location).Take(50)));
            plan.ShouldContain("ix_sdr_outreach_touches_status_reserved_at", customMessage: plan);
            plan.ShouldNotContain("SCAN t\n", customMessage: plan);
        }
    }

    [Fact]
    public async Task SqliteOptOut_FindsTheSequencesToEndThroughIndexes_NotByScanningThemAll()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);

        foreach (var phoneHash in new[] { null, "a1b2c3" })
        {
            var plan = await host.WithDbAsync(db => QueryPlanAsync(db, OptOutService.ActiveSequencesOf(db, "contact-1", phoneHash)));
            plan.ShouldContain("ix_sdr_outreach_sequences_contact_id", customMessage: plan);
            plan.ShouldNotContain("SCAN s\n", customMessage: plan);
            if (phoneHash is not null)
            {
                plan.ShouldContain("ix_sdr_prospects_phone_hash", customMessage: plan);
                plan.ShouldContain("ix_sdr_outreach_sequences_prospect_id", customMessage: plan);
            }
        }
    }

    [Fact]
    public async Task SqliteSuppressionLookup_ReadsTheContactAndPhoneIndexes_NotTheWholeLedger()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        SuppressionLookup[] lookups = [new("contact-1", "loc-1", "sms", "a1b2c3"), new("contact-2", "loc-1", "sms", null)];

        var plan = await host.WithDbAsync(db => QueryPlanAsync(db, SuppressionLedger.Candidates(db, lookups)));
        plan.ShouldContain("ix_sdr_suppressions_contact_id", customMessage: plan);
        plan.ShouldContain("ix_sdr_suppressions_phone_hash", customMessage: plan);
        plan.ShouldNotContain("SCAN s\n", customMessage: plan);
    }

    [Fact]
    public async Task SqliteClaim_WalksTheDueIndexInOrder_AndUpdatesThePickedRowsById()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        string[] names = ["@token", "@until", "@now", "@limit", "@location"];
        object[] values = [Guid.NewGuid().ToString(), "2026-03-03 00:05:00", "2026-03-03 00:00:00", 500, "loc-1"];

        foreach (var (sql, index) in new[] { (CadenceStore.ClaimSql, "ix_sdr_outreach_sequences_due"), (CadenceStore.ClaimForLocationSql, "ix_sdr_outreach_sequences_location_due") })
        {
            var plan = await host.WithDbAsync(db => QueryPlanAsync(db, string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, names), names.Zip(values)));
            plan.ShouldContain("INTEGER PRIMARY KEY", customMessage: plan);
            plan.ShouldContain(index, customMessage: plan);
            plan.ShouldNotContain("TEMP B-TREE", customMessage: plan);
        }
    }

    /// <summary>SQLite's plan for an EF query, its parameters bound to the values EF would send.</summary>
    private static Task<string> QueryPlanAsync<T>(DbContext db, IQueryable<T> query)
    {
        var lines = query.ToQueryString().Split('\n');
        var parameters = lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal))
            .Select(l => l.Split(' ', 4))
            .Select(parts => (parts[2], (object)parts[3].Trim('\'')));
        return QueryPlanAsync(db, string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal))), parameters);
    }

    private static async Task<string> QueryPlanAsync(DbContext db, string sql, IEnumerable<(string Name, object Value)> parameters)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return string.Join('\n', plan) + '\n';
    }
}
