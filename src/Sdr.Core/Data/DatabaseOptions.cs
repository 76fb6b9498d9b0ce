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

    /// <summary>From <c>ConnectionStrings:Sdr</c>; for SQLite, a file under the data directory when unset.</summary>
    public string? ConnectionString { get; set; }
}
