using Microsoft.Extensions.Options;

namespace Sdr.Core.Data;

/// <summary>
/// An in-process queue in front of SQLite's single write lock, for this process's busy writers: the
/// webhook inbox's group commits, the webhook processor, and the cadence engine's claim, check-and-reserve
/// and outcome transactions. Without it they meet in SQLite's busy handler, which sleeps 1, 2, 5, 10, ...
/// up to 100 ms between tries and blocks its thread: the inbox answered late while it slept, the processor
/// starved while the intake was busy (always losing to the next group commit), and two cadence chunks
/// mostly waited for each other's sleeps. Waiting here costs no thread and wakes the next writer the
/// moment the lock is free, in arrival order. Holders keep it for one short transaction and never take
/// it twice (it is not re-entrant). Other processes still meet at SQLite's lock with busy_timeout.
/// PostgreSQL locks rows, not the database: no gate there.
/// </summary>
public sealed class SqliteWriteGate(IOptions<DatabaseOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly bool _enabled = options.Value.Provider == DatabaseProvider.Sqlite;
    private int _waiting;

    /// <summary>Writers queued for the gate now (tests use it to act while a writer waits).</summary>
    internal int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Waits for the gate (at once on PostgreSQL); dispose the result to let the next writer in.</summary>
    public async ValueTask<Held> EnterAsync(CancellationToken cancellationToken)
    {
        if (!_enabled)
        {
            return default;
        }

        Interlocked.Increment(ref _waiting);
        try
        {
            await _lock.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        return new Held(_lock);
    }

    public void Dispose() => _lock.Dispose();

    public readonly struct Held(SemaphoreSlim? held) : IDisposable
    {
        public void Dispose() => held?.Release();
    }
}
