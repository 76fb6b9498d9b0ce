using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Sdr.Core.Security;

namespace Sdr.Core.Data;

/// <summary>Used by <c>dotnet ef migrations add</c>: the schema does not depend on the key.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSdrDbContext>
{
    public SqliteSdrDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteSdrDbContext>();
        DatabaseSetup.ConfigureSqlite(options, "Data Source=design.db");
        return new SqliteSdrDbContext(options.Options, FernetKeyRing.Parse(FernetKeyRing.GenerateKey(), TimeProvider.System));
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSdrDbContext>
{
    public PostgresSdrDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresSdrDbContext>();
        DatabaseSetup.ConfigurePostgres(options, "Host=localhost;Database=sdr_design");
        return new PostgresSdrDbContext(options.Options, FernetKeyRing.Parse(FernetKeyRing.GenerateKey(), TimeProvider.System));
    }
}
