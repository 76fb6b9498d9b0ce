using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Data;

namespace Sdr.Benchmarks;

/// <summary>
/// Optional (--profile) timing hooks: every EF Core command (classified by what it does), connection
/// opens (including the PRAGMAs the server runs on each open), transaction begin/commit, SaveChanges,
/// and every GHL HTTP call. Times are wall-clock per operation, so on an oversubscribed machine they
/// include time spent waiting for a core.
/// </summary>
internal sealed class BenchProfiler
{
    private readonly ConcurrentDictionary<string, Stat> _stats = new(StringComparer.Ordinal);

    public void Register(IServiceCollection services)
    {
        var interceptors = new IInterceptor[] { new CommandTimer(this), new ConnectionTimer(this), new TransactionTimer(this), new SaveChangesTimer(this) };
        services.ConfigureDbContext<SqliteSdrDbContext>((_, options) => options.AddInterceptors(interceptors));
        services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(() => new HttpTimer(this)));
    }

    public void Reset() => _stats.Clear();

    public void Record(string category, TimeSpan elapsed) => _stats.GetOrAdd(category, _ => new Stat()).Add(elapsed);

    public ProfileReport Report(DrainResult run, int concurrency)
    {
        var stats = _stats.ToDictionary(p => p.Key, p => p.Value.Snapshot(), StringComparer.Ordinal);
        var claimMs = stats.Where(p => p.Key.StartsWith("claim", StringComparison.Ordinal)).Sum(p => p.Value.TotalMs);
        var serverMs = run.Samples.Sum(s => s.ServerMs);
        var dispatchMs = Math.Max(serverMs - claimMs, 1);
        var capacityMs = dispatchMs * concurrency;
        var touches = Math.Max(run.Dispatched, 1);

        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Profile (dispatch concurrency {concurrency}, {run.Batches} batches): server time in batches {serverMs:F0} ms = claim {claimMs:F0} ms ({claimMs / Math.Max(serverMs, 1):P1}) + dispatch {dispatchMs:F0} ms.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Worker-time available while dispatching = dispatch ms × {concurrency} = {capacityMs:F0} ms; 'share' below is each operation's summed wall time over that.");
        sb.AppendLine();
        sb.AppendLine("| operation | calls | calls/touch | mean ms | p-max ms | total ms | share of worker-time |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, stat) in stats.OrderByDescending(p => p.Value.TotalMs))
        {
            var share = name.StartsWith("claim", StringComparison.Ordinal) ? "(serial, per batch)" : (stat.TotalMs / capacityMs).ToString("P1", CultureInfo.InvariantCulture);
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {stat.Count} | {(double)stat.Count / touches:F2} | {stat.MeanMs:F2} | {stat.MaxMs:F1} | {stat.TotalMs:F0} | {share} |");
        }

        return new ProfileReport(sb.ToString(), stats, claimMs, serverMs);
    }

    private static string Classify(string sql)
    {
        var s = sql.TrimStart();
        var sequences = s.Contains("\"sdr_outreach_sequences\"", StringComparison.Ordinal);
        if (s.StartsWith("UPDATE", StringComparison.Ordinal) && sequences && s.Contains("LIMIT", StringComparison.Ordinal))
        {
            return "claim: UPDATE … WHERE id IN (SELECT … LIMIT n)";
        }

        if (s.StartsWith("SELECT", StringComparison.Ordinal) && sequences && !s.Contains("\"sdr_prospects\"", StringComparison.Ordinal) && s.Contains("claim_token", StringComparison.Ordinal))
        {
            return "claim: SELECT id WHERE claim_token = @t";
        }

        if (s.StartsWith("SELECT", StringComparison.Ordinal) && s.Contains("\"sdr_prospects\"", StringComparison.Ordinal))
        {
            return "db: load sequence + prospect";
        }

        if (s.StartsWith("SELECT", StringComparison.Ordinal) && s.Contains("\"sdr_outreach_touches\"", StringComparison.Ordinal))
        {
            return "db: reservation look-up (touch by sequence+step)";
        }

        if (s.Contains("\"sdr_dispatch_decisions\"", StringComparison.Ordinal) || (sequences && s.StartsWith("UPDATE", StringComparison.Ordinal)))
        {
            return "db: final save command (touch + sequence + decision)";
        }

        if (s.Contains("INSERT INTO \"sdr_outreach_touches\"", StringComparison.Ordinal))
        {
            return "db: reservation INSERT touch";
        }

        var line = s.Split('\n')[0];
        return "db: other: " + (line.Length <= 40 ? line : line[..40]);
    }

    private sealed class Stat
    {
        private readonly Lock _lock = new();
        private long _count;
        private double _totalMs;
        private double _maxMs;

        public void Add(TimeSpan elapsed)
        {
            var ms = elapsed.TotalMilliseconds;
            lock (_lock)
            {
                _count++;
                _totalMs += ms;
                _maxMs = Math.Max(_maxMs, ms);
            }
        }

        public StatSnapshot Snapshot()
        {
            lock (_lock)
            {
                return new StatSnapshot(_count, _totalMs, _maxMs);
            }
        }
    }

    private sealed class CommandTimer(BenchProfiler profiler) : DbCommandInterceptor
    {
        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            profiler.Record(Classify(command.CommandText), eventData.Duration);
            return result;
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            profiler.Record(Classify(command.CommandText), eventData.Duration);
            return ValueTask.FromResult(result);
        }

        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            profiler.Record(Classify(command.CommandText), eventData.Duration);
            return result;
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            profiler.Record(Classify(command.CommandText), eventData.Duration);
            return ValueTask.FromResult(result);
        }

        public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
        {
            profiler.Record(Classify(command.CommandText), eventData.Duration);
            return result;
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            profiler.Record(Classify(command.CommandText), eventData.Duration);
            return ValueTask.FromResult(result);
        }
    }

    /// <summary>Registered after the server's own PRAGMA interceptor, so opened-minus-opening includes the PRAGMAs.</summary>
    private sealed class ConnectionTimer(BenchProfiler profiler) : DbConnectionInterceptor
    {
        private readonly ConcurrentDictionary<Guid, long> _opening = new();

        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            _opening[eventData.ConnectionId] = Stopwatch.GetTimestamp();
            return result;
        }

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            _opening[eventData.ConnectionId] = Stopwatch.GetTimestamp();
            return ValueTask.FromResult(result);
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Done(eventData.ConnectionId);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Done(eventData.ConnectionId);
            return Task.CompletedTask;
        }

        private void Done(Guid id)
        {
            if (_opening.TryRemove(id, out var started))
            {
                profiler.Record("db: connection open + per-open PRAGMAs", Stopwatch.GetElapsedTime(started));
            }
        }
    }

    private sealed class TransactionTimer(BenchProfiler profiler) : DbTransactionInterceptor
    {
        public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
        {
            profiler.Record("db: BEGIN (write lock wait)", eventData.Duration);
            return result;
        }

        public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
        {
            profiler.Record("db: BEGIN (write lock wait)", eventData.Duration);
            return ValueTask.FromResult(result);
        }

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
            profiler.Record("db: COMMIT", eventData.Duration);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            profiler.Record("db: COMMIT", eventData.Duration);
            return Task.CompletedTask;
        }
    }

    private sealed class SaveChangesTimer(BenchProfiler profiler) : SaveChangesInterceptor
    {
        private readonly ConcurrentDictionary<DbContext, long> _saving = new(ReferenceEqualityComparer.Instance);

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is { } context)
            {
                _saving[context] = Stopwatch.GetTimestamp();
            }

            return ValueTask.FromResult(result);
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Done(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Done(eventData.Context);
            return Task.CompletedTask;
        }

        private void Done(DbContext? context)
        {
            if (context is not null && _saving.TryRemove(context, out var started))
            {
                profiler.Record("ef: SaveChangesAsync total (both saves)", Stopwatch.GetElapsedTime(started));
            }
        }
    }

    private sealed class HttpTimer(BenchProfiler profiler) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                profiler.Record("http: GHL call (client → loopback → sandbox, headers)", Stopwatch.GetElapsedTime(started));
            }
        }
    }
}

internal sealed record StatSnapshot(long Count, double TotalMs, double MaxMs)
{
    public double MeanMs => Count == 0 ? 0 : TotalMs / Count;
}

internal sealed record ProfileReport(string Markdown, IReadOnlyDictionary<string, StatSnapshot> Stats, double ClaimMs, double ServerMs);
