using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Sdr.Core.Data;
using Sdr.Core.Webhooks;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Webhooks;

/// <summary>One webhook processor at a time across instances sharing a PostgreSQL database.</summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class WebhookProcessingLeaseTests
{
    [Fact]
    public async Task OnPostgres_OneInstanceHoldsTheLease_TheNextTakesOverWhenItLetsGo()
    {
        var database = await TestDatabases.CreatePostgresDatabaseAsync();
        var first = Lease(DatabaseProvider.Postgres, database);
        await using var second = Lease(DatabaseProvider.Postgres, database);

        (await first.TryHoldAsync(CancellationToken.None)).ShouldBeTrue();
        (await first.TryHoldAsync(CancellationToken.None)).ShouldBeTrue("the holder keeps it");
        (await second.TryHoldAsync(CancellationToken.None)).ShouldBeFalse("someone else processes");

        await first.DisposeAsync();

        (await second.TryHoldAsync(CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task OnPostgres_AHolderWhoseSessionDied_StopsProcessing_AndAnotherTakesOver()
    {
        var database = await TestDatabases.CreatePostgresDatabaseAsync();
        await using var first = Lease(DatabaseProvider.Postgres, database);
        await using var second = Lease(DatabaseProvider.Postgres, database);
        (await first.TryHoldAsync(CancellationToken.None)).ShouldBeTrue();

        // The session holding the lock ends (a network cut, an administrator, a failover).
        await using (var admin = new NpgsqlConnection(database))
        {
            await admin.OpenAsync();
            await using var kill = admin.CreateCommand();
            kill.CommandText = """
                SELECT pg_terminate_backend(pid) FROM pg_locks
                WHERE locktype = 'advisory' AND objid::bigint = @low
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """;
            kill.Parameters.AddWithValue("low", (long)(uint)(WebhookProcessingLease.LockKey & 0xFFFFFFFF));
            await kill.ExecuteNonQueryAsync();
        }

        (await first.TryHoldAsync(CancellationToken.None)).ShouldBeFalse("its session, and with it the lock, is gone");
        (await second.TryHoldAsync(CancellationToken.None)).ShouldBeTrue();
        (await first.TryHoldAsync(CancellationToken.None)).ShouldBeFalse("the other instance holds it now");
    }

    [Fact]
    public async Task OnSqlite_ThereIsNoLease_ThisInstanceProcesses()
    {
        await using var lease = Lease(DatabaseProvider.Sqlite, "Data Source=unused.db");

        (await lease.TryHoldAsync(CancellationToken.None)).ShouldBeTrue();
    }

    private static WebhookProcessingLease Lease(DatabaseProvider provider, string connectionString) =>
        new(Options.Create(new DatabaseOptions { Provider = provider, ConnectionString = connectionString }), NullLogger<WebhookProcessingLease>.Instance);
}
