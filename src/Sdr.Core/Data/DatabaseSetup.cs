using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Sdr.Core.Data;

internal static class DatabaseSetup
{
    /// <summary>
    /// A list in a query (<c>ids.Contains(x)</c>) goes to SQLite as one JSON parameter read with json_each,
    /// not as one parameter per element (EF 10's default). Microsoft.Data.Sqlite binds parameters by name
    /// and SQLite finds each name by a linear scan of the statement's names, so a 250-element list cost
    /// 31,000 string comparisons per query: 16 % of the cadence engine's CPU in perf.
    /// </summary>
    public static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations_history").UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
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
