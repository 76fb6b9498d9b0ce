using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Sdr.Core.Data;

/// <summary>
/// Saves a context's pending inserts and updates like <c>SaveChangesAsync</c>, but on SQLite writes
/// rows of the same shape through one prepared command reused row after row. EF sends SQLite one
/// statement per row and Microsoft.Data.Sqlite compiles each afresh, which dominated the hot path's
/// saves. PostgreSQL (where EF batches rows into one round trip) and anything this writer does not
/// handle (deletes, store defaults, inserts that wait for another row's generated key) go through EF.
/// Same guarantees as EF: one transaction (or a savepoint inside the caller's), every row must hit,
/// a failure leaves the entries as they were and surfaces as <see cref="DbUpdateException"/>.
/// </summary>
public static class PreparedSave
{
    private const string Savepoint = "sdr_prepared_save";

    private static readonly string[] ParameterNames = Enumerable.Range(0, 64).Select(i => "@p" + i).ToArray();

    public static Task SaveChangesAsync(DbContext db, CancellationToken cancellationToken) => SaveChangesAsync(db, null, cancellationToken);

    /// <summary>
    /// Saves as above, holding <paramref name="gate"/> only for the statements and the commit: change
    /// detection, the rows' values (encryption included) and the entries' new states are worked out
    /// outside it, so that other writers wait less.
    /// </summary>
    public static Task SaveChangesAsync(DbContext db, SqliteWriteGate? gate, CancellationToken cancellationToken) =>
        SaveAsync(db, gate, null, cancellationToken);

    /// <summary>
    /// Saves the changes of <paramref name="entities"/> only, looking for changes in those alone: the
    /// context's other entries (and their pending changes) are left for a later save. On PostgreSQL, or
    /// when an entry is beyond this writer, EF saves every pending change of the context, as
    /// <c>SaveChangesAsync</c> would.
    /// </summary>
    public static Task SaveEntitiesAsync(DbContext db, IEnumerable<object> entities, CancellationToken cancellationToken) =>
        SaveAsync(db, null, entities, cancellationToken);

    private static async Task SaveAsync(DbContext db, SqliteWriteGate? gate, IEnumerable<object>? only, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite() || PendingEntries(db, only) is not { } pending)
        {
            using (gate is null ? default : await gate.EnterAsync(cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return;
        }

        if (pending.Count == 0)
        {
            return;
        }

        var rows = pending.Select(Plan).ToList();
        object?[] keys;
        using (gate is null ? default : await gate.EnterAsync(cancellationToken))
        {
            keys = await ExecuteAsync(db, pending, rows, cancellationToken);
        }

        for (var i = 0; i < pending.Count; i++)
        {
            if (pending[i].State == EntityState.Added && keys[i] is { } key)
            {
                pending[i].Property(rows[i].Shape.Key).CurrentValue = key;
            }

            // Accepted as SaveChanges accepts them: what was written becomes the original values. Setting the
            // state to Unchanged instead rejects the changes: the entity goes back to its old values with its
            // properties still flagged modified, so the context's next save wrote the old values back.
            Tracked(pending[i]).AcceptChanges();
        }
    }

    /// <summary>Writes the planned rows in one transaction (or a savepoint of the caller's); returns the inserts' keys.</summary>
    private static async Task<object?[]> ExecuteAsync(DbContext db, List<EntityEntry> pending, List<PlannedRow> rows, CancellationToken cancellationToken)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var outer = db.Database.CurrentTransaction;
        await using var own = outer is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var transaction = outer ?? own!;
        if (outer is not null)
        {
            await outer.CreateSavepointAsync(Savepoint, cancellationToken);
        }

        var keys = new object?[rows.Count];
        var commands = new Dictionary<(IEntityType, bool, ulong), RowCommand>();
        try
        {
            for (var i = 0; i < rows.Count; i++)
            {
                keys[i] = await WriteAsync(rows[i], commands, transaction.GetDbTransaction(), sql, cancellationToken);
            }

            if (outer is not null)
            {
                await outer.ReleaseSavepointAsync(Savepoint, cancellationToken);
            }
            else
            {
                await own!.CommitAsync(cancellationToken);
            }
        }
        catch (Exception exception) when (exception is DbException or DbUpdateException)
        {
            if (outer is not null)
            {
                await outer.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
            }

            throw exception as DbUpdateException ?? new DbUpdateException("An error occurred while saving the entity changes.", exception, pending);
        }
        finally
        {
            foreach (var row in commands.Values)
            {
                await row.Command.DisposeAsync();
            }
        }

        return keys;
    }

    /// <summary>
    /// The added and modified entries after one change detection (<c>Entries()</c> would run a second,
    /// as costly as the first), of the whole context or of <paramref name="only"/>'s entities; null when
    /// one of them is beyond this writer, so EF saves them all.
    /// </summary>
    private static List<EntityEntry>? PendingEntries(DbContext db, IEnumerable<object>? only)
    {
        var tracker = db.ChangeTracker;
        if (only is null)
        {
            tracker.DetectChanges();
        }

        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            var pending = new List<EntityEntry>();
            foreach (var entry in only is null ? tracker.Entries() : only.Select(db.Entry))
            {
                if (only is not null && entry.State is EntityState.Unchanged or EntityState.Modified)
                {
                    // An added entry is written whole; a tracked one may have changed since it was read.
                    entry.DetectChanges();
                }

                if (entry.State == EntityState.Unchanged)
                {
                    continue;
                }

                if (!CanWrite(entry))
                {
                    return null;
                }

                pending.Add(entry);
            }

            return pending;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>Plain rows of one table with a one-column key; inserts only when no value waits on another row.</summary>
    private static bool CanWrite(EntityEntry entry)
    {
        if (entry.State is not (EntityState.Added or EntityState.Modified) || Shape(entry.Metadata) is not { } shape)
        {
            return false;
        }

        if (entry.State == EntityState.Modified)
        {
            return true;
        }

        // Only the key may wait for the database, and no column has a store default to read back.
        if (!shape.InsertableWithoutDefaults)
        {
            return false;
        }

        var tracked = Tracked(entry);
        foreach (var property in shape.Properties)
        {
            if (tracked.HasTemporaryValue(property) != (property == shape.Key))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What <see cref="CanWrite"/> needs to know about a type, worked out once per model's type.</summary>
    private static TypeShape? Shape(IEntityType type) => Shapes.GetValue(type, static t => new StrongBox<TypeShape?>(TypeShape.Of(t))).Value;

    private static readonly ConditionalWeakTable<IEntityType, StrongBox<TypeShape?>> Shapes = [];

    private sealed record TypeShape(IProperty Key, IProperty[] Properties, bool InsertableWithoutDefaults)
    {
        private readonly ConcurrentDictionary<ulong, IProperty[]> _columns = new();

        /// <summary>The properties a row writes, in order, for a mask of their positions.</summary>
        public IProperty[] Columns(ulong mask) =>
            _columns.GetOrAdd(mask, static (m, properties) => properties.Where((_, i) => (m & (1UL << i)) != 0).ToArray(), Properties);

        public static TypeShape? Of(IEntityType type)
        {
            if (type.GetTableName() is null
                || type.BaseType is not null
                || type.GetDerivedTypes().Any()
                || type.IsOwned()
                || type.FindPrimaryKey() is not { Properties.Count: 1 } key
                || type.GetProperties().Count() > 64
                || type.GetProperties().Any(p => p.IsConcurrencyToken || p.GetComputedColumnSql() is not null))
            {
                return null;
            }

            var id = key.Properties[0];
            var properties = type.GetProperties().ToArray();
            var insertable = id.ValueGenerated == ValueGenerated.OnAdd && properties.All(p =>
                p.FindAnnotation(RelationalAnnotationNames.DefaultValueSql) is null
                && p.FindAnnotation(RelationalAnnotationNames.DefaultValue) is null);
            return new TypeShape(id, properties, insertable);
        }
    }

    /// <summary>One row to write: its statement's shape and its values, converted as EF converts them.</summary>
    private sealed record PlannedRow(TypeShape Shape, IEntityType Type, bool Added, ulong Mask, object?[] Values, object? Key);

    private static TrackedEntry Tracked(EntityEntry entry) => new(entry);

    /// <summary>
    /// The change tracker's own entry: what <c>entry.Property(p).IsModified</c> and <c>.IsTemporary</c> say,
    /// without the <see cref="PropertyEntry"/> each of those calls allocates (two dozen per touch), and the
    /// per-entry accept that SaveChanges runs after writing, which EF Core offers no public call for.
    /// </summary>
#pragma warning disable EF1001 // Internal EF Core API (the entry PropertyEntry wraps); the version is pinned and the save tests cover it.
    private readonly struct TrackedEntry(EntityEntry entry)
    {
        private readonly InternalEntityEntry _entry = entry.GetInfrastructure();

        public bool IsModified(IProperty property) => _entry.IsModified(property);

        public bool HasTemporaryValue(IProperty property) => _entry.HasTemporaryValue(property);

        public void AcceptChanges() => _entry.AcceptChanges();
    }
#pragma warning restore EF1001

    /// <summary>
    /// The row's columns and values: an update writes the modified columns, an insert every column but
    /// those that are null (they are null without being bound: the model declares no column defaults, see
    /// <see cref="TypeShape.InsertableWithoutDefaults"/>), so a new touch binds half its columns.
    /// </summary>
    private static PlannedRow Plan(EntityEntry entry)
    {
        var type = entry.Metadata;
        var shape = Shape(type)!;
        var added = entry.State == EntityState.Added;
        var tracked = Tracked(entry);
        var values = entry.CurrentValues;
        var provider = new object?[shape.Properties.Length];
        var count = 0;
        var mask = 0UL;
        var bit = 1UL;
        foreach (var property in shape.Properties)
        {
            if (!property.IsPrimaryKey() && (added || tracked.IsModified(property))
                && ToProvider(property, values[property]) is var value && !(added && value is DBNull))
            {
                mask |= bit;
                provider[count++] = value;
            }

            bit <<= 1;
        }

        Array.Resize(ref provider, count);
        return new PlannedRow(shape, type, added, mask, provider, added ? null : ToProvider(shape.Key, values[shape.Key]));
    }

    /// <summary>What <c>RelationalTypeMapping.CreateParameter</c> stores for a value: converted, and DBNull for null.</summary>
    private static object ToProvider(IProperty property, object? value)
    {
        var converter = property.GetTypeMapping().Converter;
        var provider = value is null ? null : converter is null ? value : converter.ConvertToProvider(value);
        return provider ?? DBNull.Value;
    }

    /// <summary>Writes one row; returns the generated key of an insert.</summary>
    private static async Task<object?> WriteAsync(
        PlannedRow planned,
        Dictionary<(IEntityType, bool, ulong), RowCommand> commands,
        DbTransaction transaction,
        ISqlGenerationHelper sql,
        CancellationToken cancellationToken)
    {
        if (planned.Mask == 0 && !planned.Added)
        {
            return null;
        }

        var (type, added, mask) = (planned.Type, planned.Added, planned.Mask);
        if (!commands.TryGetValue((type, added, mask), out var row))
        {
            row = RowCommand.Create(type, planned.Shape.Columns(mask), added, transaction, sql);
            commands.Add((type, added, mask), row);
        }

        for (var i = 0; i < planned.Values.Length; i++)
        {
            row.SetValue(i, planned.Values[i]);
        }

        if (added)
        {
            var generated = await row.Command.ExecuteScalarAsync(cancellationToken);
            return Convert.ChangeType(generated, row.Key.ClrType, System.Globalization.CultureInfo.InvariantCulture);
        }

        row.SetKey(planned.Key);
        if (await row.Command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new DbUpdateConcurrencyException($"A {type.ClrType.Name} row to update was not found (deleted meanwhile).");
        }

        return null;
    }

    private static string ParameterName(int index) => index < ParameterNames.Length ? ParameterNames[index] : "@p" + index;

    private static string UpdateSql(ISqlGenerationHelper sql, StoreObjectIdentifier table, IReadOnlyList<IProperty> columns, IProperty key) =>
        $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET "
        + string.Join(", ", columns.Select((c, i) => $"{sql.DelimitIdentifier(c.GetColumnName(table)!)} = @p{i}"))
        + $" WHERE {sql.DelimitIdentifier(key.GetColumnName(table)!)} = @k";

    private static string InsertSql(ISqlGenerationHelper sql, StoreObjectIdentifier table, IReadOnlyList<IProperty> columns, IProperty key) =>
        $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} "
        + (columns.Count == 0 ? "DEFAULT VALUES" : "("
            + string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))
            + ") VALUES (" + string.Join(", ", columns.Select((_, i) => "@p" + i)) + ")")
        + $" RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}";

    /// <summary>
    /// One prepared statement for rows of one table that write the same columns, with its parameters made
    /// once by EF's type mappings; each row only sets their values, converted as EF converts them.
    /// </summary>
    private sealed record RowCommand(DbCommand Command, IProperty[] Columns, IProperty Key)
    {
        private readonly DbParameter[] _parameters = new DbParameter[Columns.Length + 1];

        public static RowCommand Create(IEntityType type, IProperty[] columns, bool added, DbTransaction transaction, ISqlGenerationHelper sql)
        {
            var key = type.FindPrimaryKey()!.Properties[0];
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = added ? InsertSql(sql, table, columns, key) : UpdateSql(sql, table, columns, key);
            var row = new RowCommand(command, columns, key);
            for (var i = 0; i < columns.Length; i++)
            {
                row._parameters[i] = row.AddParameter(ParameterName(i), columns[i]);
            }

            if (!added)
            {
                row._parameters[^1] = row.AddParameter("@k", key);
            }

            return row;
        }

        public void SetValue(int index, object? value) => _parameters[index].Value = value;

        public void SetKey(object? value) => _parameters[^1].Value = value;

        private DbParameter AddParameter(string name, IProperty property)
        {
            var parameter = ((RelationalTypeMapping)property.GetTypeMapping()).CreateParameter(Command, name, null, property.IsNullable);
            Command.Parameters.Add(parameter);
            return parameter;
        }
    }
}
