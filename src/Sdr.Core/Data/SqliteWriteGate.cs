using Microsoft.Extensions.Options;

namespace Sdr.Core.Data;

/// <summary>
/// An in-process queue in front of SQLite's single write lock, for the writers that run all the
/// time (the webhook inbox's group commits, the webhook processor). Without it they meet in SQLite's
/// busy handler, which sleeps 1, 2, 5, 10, ... ms between tries: the inbox answered late while it
/// slept, and the processor, always losing to the next group commit, starved while the intake was
/// busy. Waiting here wakes the next writer the moment the lock is free, in arrival order. Holders
/// keep it for one short transaction. PostgreSQL locks rows, not the database: no gate there.
/// </summary>
public sealed class SqliteWriteGate(IOptions<DatabaseOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly bool _enabled = options.Value.Provider == DatabaseProvider.Sqlite;

    /// <summary>Waits for the gate (at once on PostgreSQL); dispose the result to let the next writer in.</summary>
    public async ValueTask<Held> EnterAsync(CancellationToken cancellationToken)
    {
        if (!_enabled)
        {
            return default;
        }

        await _lock.WaitAsync(cancellationToken);
        return new Held(_lock);
    }

    public void Dispose() => _lock.Dispose();

    public readonly struct Held(SemaphoreSlim? held) : IDisposable
    {
        public void Dispose() => held?.Release();
    }
}
