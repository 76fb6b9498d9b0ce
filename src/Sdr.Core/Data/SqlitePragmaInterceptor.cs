using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sdr.Core.Data;

/// <summary>
/// Per-connection settings: synchronous=NORMAL is durable in WAL mode except on power loss, and
/// busy_timeout makes concurrent writers wait instead of failing. wal_autocheckpoint=10000 pages
/// (40 MB of WAL instead of SQLite's 4 MB) checkpoints a tenth as often: the committing writer runs the
/// checkpoint while it holds the write lock, and pages written again and again between checkpoints (rate
/// counters, the due-sequence index) are copied back once instead of ten times. WAL itself is stored in
/// the database file and set once by <see cref="DatabaseMigrator"/>. temp_store=MEMORY keeps statement
/// journals (the undo log SQLite writes for each statement inside a transaction, such as every row of a
/// reservation group) in memory: as temporary files they were half of the cadence engine's disk writes
/// (strace: 20,000 pwrite calls in 3 s, 4 KB and 4 bytes each). They are never larger than the pages one
/// statement changes.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public static readonly SqlitePragmaInterceptor Instance = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA wal_autocheckpoint=10000; PRAGMA temp_store=MEMORY;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
