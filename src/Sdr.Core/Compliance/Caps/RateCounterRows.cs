using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Compliance.Caps;

/// <summary>
/// The take statements on <c>sdr_rate_counters</c>: one upsert each, run on the context's connection
/// (and its open transaction, if any) without EF's query pipeline and change tracker. INSERT ... ON
/// CONFLICT DO UPDATE ... WHERE has the same syntax on SQLite and PostgreSQL, is atomic in both
/// (PostgreSQL locks the conflicting row and re-checks the WHERE on its latest version), and unlike
/// catching a unique violation it does not abort a PostgreSQL transaction the caller may have open.
/// </summary>
internal static class RateCounterRows
{
    private static readonly ConditionalWeakTable<IModel, Statements> Cache = [];

    /// <summary>
    /// Counts one unit under <paramref name="key"/> if the window has ended (it starts again at one,
    /// ending at <paramref name="windowEndsAt"/>), the count is under <paramref name="limit"/>, or
    /// the key is new: true when counted.
    /// </summary>
    public static async Task<bool> TryTakeAsync(SdrDbContext db, string key, int limit, DateTime now, DateTime windowEndsAt, CancellationToken cancellationToken) =>
        await ExecuteAsync(db, StatementsFor(db).Take, key, limit, now, windowEndsAt, cancellationToken);

    /// <summary>Claims a rolling-window slot that is new or whose window has ended: true when claimed.</summary>
    public static async Task<bool> TryClaimSlotAsync(SdrDbContext db, string slot, DateTime now, DateTime windowEndsAt, CancellationToken cancellationToken) =>
        await ExecuteAsync(db, StatementsFor(db).ClaimSlot, slot, limit: null, now, windowEndsAt, cancellationToken);

    /// <summary>
    /// <see cref="TryTakeAsync"/> for each of <paramref name="keys"/> (distinct: a row may change once per
    /// statement) in one multi-row upsert; <c>RETURNING</c> names the keys that counted.
    /// </summary>
    public static async Task<bool[]> TryTakeEachAsync(SdrDbContext db, IReadOnlyList<string> keys, int limit, DateTime now, DateTime windowEndsAt, CancellationToken cancellationToken)
    {
        var database = db.Database;
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            var (command, oneOff) = TakeEachCommand(db, keys, limit, now, windowEndsAt);
            try
            {
                var counted = new HashSet<string>(StringComparer.Ordinal);
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        counted.Add(reader.GetString(0));
                    }
                }

                return [.. keys.Select(counted.Contains)];
            }
            finally
            {
                if (oneOff)
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// SQLite: the connection's prepared statement, reading the keys from one JSON parameter
    /// (Microsoft.Data.Sqlite binds by name, and SQLite finds each name by a linear scan, so a parameter per
    /// key grew quadratically). PostgreSQL: a one-off command with a VALUES row per key, for the caller to dispose.
    /// </summary>
    private static (DbCommand Command, bool OneOff) TakeEachCommand(SdrDbContext db, IReadOnlyList<string> keys, int limit, DateTime now, DateTime windowEndsAt)
    {
        var database = db.Database;
        var statements = StatementsFor(db);
        DbCommand command;
        if (database.IsSqlite())
        {
            command = PreparedFor(database.GetDbConnection(), statements.TakeEachJson);
            command.Parameters["@keylist"].Value = JsonSerializer.Serialize(keys);
        }
        else
        {
            command = database.GetDbConnection().CreateCommand();
            command.CommandText = statements.TakeEach.Replace("{values}", string.Join(", ", keys.Select((_, i) => $"(@k{i}, 1, @ends)")), StringComparison.Ordinal);
            var parameters = command.AddParameters([.. keys.Select((_, i) => $"k{i}"), "now", "ends", "limit"]);
            for (var i = 0; i < keys.Count; i++)
            {
                parameters[i].Value = keys[i];
            }
        }

        command.Transaction = database.CurrentTransaction?.GetDbTransaction();
        command.Parameters["@now"].Value = CapClock.AsUtc(now);
        command.Parameters["@ends"].Value = CapClock.AsUtc(windowEndsAt);
        command.Parameters["@limit"].Value = limit;
        return (command, !database.IsSqlite());
    }

    /// <summary><paramref name="units"/> units under <paramref name="key"/> if they all fit under <paramref name="limit"/> (or the window ended, or the key is new).</summary>
    public static async Task<bool> TryTakeAllAsync(SdrDbContext db, string key, int units, int limit, DateTime now, DateTime windowEndsAt, CancellationToken cancellationToken) =>
        await ExecuteAsync(db, StatementsFor(db).TakeAll, key, limit, now, windowEndsAt, cancellationToken, units);

    private static async Task<bool> ExecuteAsync(SdrDbContext db, string sql, string key, int? limit, DateTime now, DateTime windowEndsAt, CancellationToken cancellationToken, int? units = null)
    {
        var database = db.Database;
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            // One command per statement and connection, prepared once and re-bound per take: a chunk of
            // touches runs the same two or three upserts hundreds of times. The statements say whether
            // they counted through RETURNING, not through the affected-row count, which
            // Microsoft.Data.Sqlite got wrong for a reused statement after its connection was reopened.
            var command = PreparedFor(database.GetDbConnection(), sql);
            command.Transaction = database.CurrentTransaction?.GetDbTransaction();
            command.Parameters["@key"].Value = key;
            command.Parameters["@now"].Value = CapClock.AsUtc(now);
            command.Parameters["@ends"].Value = CapClock.AsUtc(windowEndsAt);
            if (limit is { } value)
            {
                command.Parameters["@limit"].Value = value;
            }

            if (units is { } count)
            {
                command.Parameters["@units"].Value = count;
            }

            return await command.ExecuteScalarAsync(cancellationToken) is not (null or DBNull);
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    private static readonly ConditionalWeakTable<DbConnection, Commands> Prepared = [];

    private static DbCommand PreparedFor(DbConnection connection, string sql) => Prepared.GetValue(connection, _ => new Commands()).For(connection, sql);

    /// <summary>The take, take-all and claim commands of one connection (they live, prepared, as long as it does).</summary>
    private sealed class Commands
    {
        private static readonly string[] ParameterNames = ["key", "keylist", "now", "ends", "limit", "units"];

        private readonly Dictionary<string, DbCommand> _bySql = new(StringComparer.Ordinal);

        public DbCommand For(DbConnection connection, string sql)
        {
            if (!_bySql.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                command.AddParameters([.. ParameterNames.Where(name => Regex.IsMatch(sql, "@" + name + @"\b", RegexOptions.CultureInvariant))]);

                _bySql.Add(sql, command);
            }

            return command;
        }
    }

    private static Statements StatementsFor(SdrDbContext db) => Cache.GetValue(db.Model, Build);

    private static Statements Build(IModel model)
    {
        var entity = model.FindEntityType(typeof(SdrRateCounter))
            ?? throw new InvalidOperationException("SdrRateCounter is not in the model.");
        var tableName = entity.GetTableName()!;
        var storeObject = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
        var table = Quoted(entity.GetSchema(), tableName);
        var key = Column(entity, storeObject, nameof(SdrRateCounter.Key));
        var count = Column(entity, storeObject, nameof(SdrRateCounter.Count));
        var ends = Column(entity, storeObject, nameof(SdrRateCounter.WindowEndsAt));
        var insert = $"INSERT INTO {table} ({key}, {count}, {ends}) VALUES (@key, 1, @ends) ON CONFLICT ({key}) DO UPDATE SET ";

        // An ended window starts again at one; a live one counts up while under the limit.
        var take = insert
            + $"{count} = CASE WHEN {table}.{ends} <= @now THEN 1 ELSE {table}.{count} + 1 END, "
            + $"{ends} = CASE WHEN {table}.{ends} <= @now THEN @ends ELSE {table}.{ends} END "
            + $"WHERE {table}.{ends} <= @now OR {table}.{count} < @limit RETURNING {count}";
        var claimSlot = insert + $"{count} = 1, {ends} = @ends WHERE {table}.{ends} <= @now RETURNING {count}";

        // The same take for many keys at once ({values}: one "(@kN, 1, @ends)" per key), naming the keys that counted.
        var takeEach = $"INSERT INTO {table} ({key}, {count}, {ends}) VALUES {{values}} ON CONFLICT ({key}) DO UPDATE SET "
            + $"{count} = CASE WHEN {table}.{ends} <= @now THEN 1 ELSE {table}.{count} + 1 END, "
            + $"{ends} = CASE WHEN {table}.{ends} <= @now THEN @ends ELSE {table}.{ends} END "
            + $"WHERE {table}.{ends} <= @now OR {table}.{count} < @limit RETURNING {key}";

        // The same for SQLite with the keys in one JSON array (@keylist); "WHERE true" is SQLite's way to
        // tell an upsert's ON CONFLICT from a join of the SELECT.
        var takeEachJson = $"INSERT INTO {table} ({key}, {count}, {ends}) SELECT value, 1, @ends FROM json_each(@keylist) WHERE true ON CONFLICT ({key}) DO UPDATE SET "
            + $"{count} = CASE WHEN {table}.{ends} <= @now THEN 1 ELSE {table}.{count} + 1 END, "
            + $"{ends} = CASE WHEN {table}.{ends} <= @now THEN @ends ELSE {table}.{ends} END "
            + $"WHERE {table}.{ends} <= @now OR {table}.{count} < @limit RETURNING {key}";

        // Several units under one key, all or none (the caller never asks for more than the limit).
        var takeAll = $"INSERT INTO {table} ({key}, {count}, {ends}) VALUES (@key, @units, @ends) ON CONFLICT ({key}) DO UPDATE SET "
            + $"{count} = CASE WHEN {table}.{ends} <= @now THEN @units ELSE {table}.{count} + @units END, "
            + $"{ends} = CASE WHEN {table}.{ends} <= @now THEN @ends ELSE {table}.{ends} END "
            + $"WHERE {table}.{ends} <= @now OR {table}.{count} + @units <= @limit RETURNING {count}";
        return new Statements(take, claimSlot, takeEach, takeEachJson, takeAll);
    }

    private static string Column(IEntityType entity, StoreObjectIdentifier table, string property) =>
        Quoted(null, entity.FindProperty(property)!.GetColumnName(table)!);

    private static string Quoted(string? schema, string name) =>
        schema is null ? $"\"{name}\"" : $"\"{schema}\".\"{name}\"";

    private sealed record Statements(string Take, string ClaimSlot, string TakeEach, string TakeEachJson, string TakeAll);
}
