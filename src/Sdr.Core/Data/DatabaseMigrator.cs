using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sdr.Core.Phones;

namespace Sdr.Core.Data;

/// <summary>Applies the provider's migrations (never EnsureCreated), then stores the phone facts rows lack.</summary>
public sealed partial class DatabaseMigrator(IServiceScopeFactory scopes, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers run beside the single writer; the mode is kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        LogMigrated(logger, db.Database.ProviderName ?? "?", pending.Count);
        var backfilled = await ProspectPhoneBackfill.RunAsync(db, cancellationToken);
        if (backfilled > 0)
        {
            LogPhonesBackfilled(logger, backfilled, ResolvedPhone.DataVersion);
        }

        return pending;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ({Provider}) migrated: {Count} migration(s) applied")]
    private static partial void LogMigrated(ILogger logger, string provider, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Phone facts stored for {Count} prospect(s) (libphonenumber {Version})")]
    private static partial void LogPhonesBackfilled(ILogger logger, int count, string version);
}
