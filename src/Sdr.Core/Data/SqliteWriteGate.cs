using Microsoft.EntityFrameworkCore;

namespace Sdr.Core.Data;

/// <summary>
/// Lets this process's hot-path write transactions on SQLite take turns asynchronously. SQLite has one
/// writer at a time; a second <c>BEGIN IMMEDIATE</c> waits in SQLite's busy handler, which sleeps in
/// growing steps (up to 100 ms) and blocks its thread, so two cadence chunks writing at once mostly
/// waited for each other's sleeps. Waiting here costs no thread and resumes as soon as the other
/// transaction ends. Other writers (other processes, the webhook inbox) still meet at SQLite's lock,
/// with <c>busy_timeout</c>. PostgreSQL has row locks and needs no turn-taking: the gate is a no-op there.
/// </summary>
public sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Waits for this process's turn to write when <paramref name="db"/> is SQLite; dispose to give it back.</summary>
    public async ValueTask<Turn> EnterAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return default;
        }

        await _turn.WaitAsync(cancellationToken);
        return new Turn(_turn);
    }

    public readonly struct Turn(SemaphoreSlim? turn) : IDisposable
    {
        public void Dispose() => turn?.Release();
    }
}
