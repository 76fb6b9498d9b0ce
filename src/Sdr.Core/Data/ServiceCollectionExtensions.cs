using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Sdr.Core.Data;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Storage: SQLite under <c>Sdr:DataDirectory</c> by default, PostgreSQL with
    /// <c>Database:Provider=Postgres</c> and <c>ConnectionStrings:Sdr</c>.
    /// </summary>
    public static IHostApplicationBuilder AddPersistence(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var provider = builder.Configuration.GetValue(DatabaseOptions.SectionName + ":Provider", DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString("Sdr");
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("ConnectionStrings:Sdr (env ConnectionStrings__Sdr) is required when Database:Provider is Postgres.");
            }

            builder.Services.AddDbContext<PostgresSdrDbContext>(options => DatabaseSetup.ConfigurePostgres(options, connectionString));
            builder.Services.AddScoped<SdrDbContext>(sp => sp.GetRequiredService<PostgresSdrDbContext>());
        }
        else
        {
            var sqlite = string.IsNullOrWhiteSpace(connectionString)
                ? DatabaseSetup.DefaultSqliteConnectionString(DataDirectory(builder.Configuration))
                : connectionString;
            builder.Services.AddDbContext<SqliteSdrDbContext>(options => DatabaseSetup.ConfigureSqlite(options, sqlite));
            builder.Services.AddScoped<SdrDbContext>(sp => sp.GetRequiredService<SqliteSdrDbContext>());
        }

        builder.Services.AddSingleton<DatabaseMigrator>();
        return builder;
    }

    public static string DataDirectory(IConfiguration configuration) =>
        Path.GetFullPath(configuration["Sdr:DataDirectory"] is { Length: > 0 } dir ? dir : "data");
}
