using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sdr.Core.Configuration;

namespace Sdr.Core.Data;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Storage: SQLite under <c>Sdr:DataDirectory</c> by default, PostgreSQL with
    /// <c>Database:Provider=Postgres</c> and <c>ConnectionStrings:Sdr</c>. Settings are read from the
    /// final configuration when the first context is made.
    /// </summary>
    public static IHostApplicationBuilder AddPersistence(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(
                options => options.Provider != DatabaseProvider.Postgres || !string.IsNullOrWhiteSpace(options.ConnectionString),
                "ConnectionStrings:Sdr (env ConnectionStrings__Sdr) is required when Database:Provider is Postgres.")
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                options.ConnectionString = configuration.GetConnectionString("Sdr") is { Length: > 0 } configured
                    ? configured
                    : options.Provider == DatabaseProvider.Sqlite
                        ? DatabaseSetup.DefaultSqliteConnectionString(DataDirectory.Resolve(configuration))
                        : null;
            })
            .ValidateOnStart();

        services.AddDbContext<SqliteSdrDbContext>((sp, options) =>
            DatabaseSetup.ConfigureSqlite(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString!));
        services.AddDbContext<PostgresSdrDbContext>((sp, options) =>
            DatabaseSetup.ConfigurePostgres(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString!));
        services.AddScoped<SdrDbContext>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
            ? sp.GetRequiredService<PostgresSdrDbContext>()
            : sp.GetRequiredService<SqliteSdrDbContext>());

        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddScoped<CadenceStore>();
        services.AddScoped<EnrollmentJobStore>();
        return builder;
    }
}
