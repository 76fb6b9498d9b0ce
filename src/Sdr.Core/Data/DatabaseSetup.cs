using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Sdr.Core.Data;

internal static class DatabaseSetup
{
    public static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(SqlitePragmaInterceptor.Instance);

    public static void ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();

    /// <summary>The embedded default: a SQLite file under the data directory.</summary>
    public static string DefaultSqliteConnectionString(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "sdr.db"),
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = 30,
        }.ToString();
    }
}
