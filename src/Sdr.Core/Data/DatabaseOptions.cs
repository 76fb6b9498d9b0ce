using System.ComponentModel.DataAnnotations;

namespace Sdr.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary><c>Database</c> section and <c>ConnectionStrings:Sdr</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    [EnumDataType(typeof(DatabaseProvider), ErrorMessage = "Database:Provider must be Sqlite or Postgres.")]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Applies pending migrations at start-up (the embedded default); <c>sdr migrate</c> does it on demand.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// SQLite only: how often a background connection copies the write-ahead log back into the database
    /// file. Each checkpoint ends with fsyncs that stall other writes to the disk for as long as they take,
    /// and that grows with the data written since the last one: at 2,000 webhooks/s, every 5 s gave a p99
    /// intake latency of 31 ms, every second 21–24 ms, every 200 ms 12–14 ms, every 100 ms 11–12 ms
    /// (docs/benchmarks.md). An idle checkpoint costs next to nothing.
    /// </summary>
    [Range(20, 60_000, ErrorMessage = "Database:CheckpointIntervalMilliseconds must be between {1} and {2}.")]
    public int CheckpointIntervalMilliseconds { get; set; } = 200;

    /// <summary>From <c>ConnectionStrings:Sdr</c>; for SQLite, a file under the data directory when unset.</summary>
    public string? ConnectionString { get; set; }
}
