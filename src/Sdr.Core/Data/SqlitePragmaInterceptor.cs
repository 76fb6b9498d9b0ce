using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sdr.Core.Data;

/// <summary>
/// Per-connection settings: synchronous=NORMAL is durable in WAL mode except on power loss, and
/// busy_timeout makes concurrent writers wait instead of failing. WAL itself is stored in the
/// database file and set once by <see cref="DatabaseMigrator"/>.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public static readonly SqlitePragmaInterceptor Instance = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

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
