using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Sdr.Core.Data;

namespace Sdr.Server.Workers;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file every <c>Database:CheckpointIntervalMilliseconds</c>
/// (200 ms) from its own connection
/// (<c>PRAGMA wal_checkpoint(PASSIVE)</c>: it never waits for readers or writers and holds no write lock).
/// Otherwise the commit that crosses <c>wal_autocheckpoint</c> runs the checkpoint, fsync included,
/// while it holds the write lock, and every webhook or cadence write queued behind it waits: the tail
/// latency of the intake. The automatic checkpoint stays on as a safety net. No-op on PostgreSQL.
/// </summary>
internal sealed partial class SqliteCheckpointer(IOptions<DatabaseOptions> options, TimeProvider time, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var interval = TimeSpan.FromMilliseconds(settings.CheckpointIntervalMilliseconds);
        if (settings.Provider != DatabaseProvider.Sqlite || settings.ConnectionString is null)
        {
            return;
        }

        // Never creates the file: until the migrations have made it, there is nothing to checkpoint.
        var connectionString = new SqliteConnectionStringBuilder(settings.ConnectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        SqliteConnection? connection = null;
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(interval, time, stoppingToken);
                try
                {
                    if (connection is null)
                    {
                        connection = new SqliteConnection(connectionString);
                        await connection.OpenAsync(stoppingToken);
                    }

                    await using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    await command.ExecuteNonQueryAsync(stoppingToken);
                    failures = 0;
                }
                catch (SqliteException exception)
                {
                    // Not migrated yet, or the file is busy: try again on the next tick (say so once).
                    if (failures++ == 0)
                    {
                        LogCheckpointFailed(logger, exception.SqliteErrorCode, exception.Message);
                    }

                    if (connection is not null)
                    {
                        await connection.DisposeAsync();
                        connection = null;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "WAL checkpoint failed (SQLite error {Code}: {Reason}); retrying on the next tick")]
    private static partial void LogCheckpointFailed(ILogger logger, int code, string reason);
}
