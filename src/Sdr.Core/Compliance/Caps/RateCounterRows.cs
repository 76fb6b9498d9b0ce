using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Compliance.Caps;

/// <summary>Statements on <c>sdr_rate_counters</c> that leave the context's change tracker alone.</summary>
internal static class RateCounterRows
{
    /// <summary>
    /// Inserts a counter at one unless the key exists: true when inserted. ON CONFLICT DO NOTHING has
    /// the same syntax on SQLite and PostgreSQL, and unlike catching the unique violation it does
    /// not abort a PostgreSQL transaction the caller may have open, nor flush the caller's changes.
    /// </summary>
    public static async Task<bool> TryInsertAsync(SdrDbContext db, string key, DateTime windowEndsAt, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(SdrRateCounter))
            ?? throw new InvalidOperationException("SdrRateCounter is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var keyColumn = Column(entity, table, nameof(SdrRateCounter.Key));
        var sql = $$"""
            INSERT INTO {{Quoted(entity.GetSchema(), entity.GetTableName()!)}} ({{keyColumn}}, {{Column(entity, table, nameof(SdrRateCounter.Count))}}, {{Column(entity, table, nameof(SdrRateCounter.WindowEndsAt))}})
            VALUES ({0}, 1, {1})
            ON CONFLICT ({{keyColumn}}) DO NOTHING
            """;
        var inserted = await db.Database.ExecuteSqlRawAsync(sql, [key, CapClock.AsUtc(windowEndsAt)], cancellationToken);
        return inserted == 1;
    }

    private static string Column(IEntityType entity, StoreObjectIdentifier table, string property) =>
        Quoted(null, entity.FindProperty(property)!.GetColumnName(table)!);

    private static string Quoted(string? schema, string name) =>
        schema is null ? $"\"{name}\"" : $"\"{schema}\".\"{name}\"";
}
