using Npgsql;

namespace Sdr.Tests.Integration.Support;

/// <summary>Where the integration tests keep their data: a temp SQLite file, or a fresh PostgreSQL database.</summary>
public static class TestDatabases
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static TheoryData<string> Providers => new() { Sqlite, Postgres };

    /// <summary>The throwaway server scripts/test.sh starts; PostgreSQL tests are never skipped.</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("SDR_TEST_POSTGRES") is { Length: > 0 } connection
            ? connection
            : throw new InvalidOperationException("SDR_TEST_POSTGRES is not set: run the tests with scripts/test.sh, which starts a throwaway PostgreSQL server.");

    public static async Task<string> CreatePostgresDatabaseAsync()
    {
        var name = "sdr_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(PostgresServer))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            await command.ExecuteNonQueryAsync();
        }

        // Each test host has its own database, hence its own pool: idle connections of finished hosts close within
        // seconds instead of Npgsql's default five minutes, so the suite stays under the server's max_connections.
        return new NpgsqlConnectionStringBuilder(PostgresServer)
        {
            Database = name,
            Pooling = true,
            ConnectionIdleLifetime = 2,
            ConnectionPruningInterval = 1,
        }.ToString();
    }
}
