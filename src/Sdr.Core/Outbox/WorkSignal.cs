using Microsoft.EntityFrameworkCore;

namespace Sdr.Core.Outbox;

/// <summary>
/// Wakes this instance's worker of a durable queue when work was queued and saved here, so it starts at
/// once instead of at the worker's next poll (work queued by another instance is found by the poll).
/// </summary>
public abstract class WorkSignal
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Queued()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    /// <summary>
    /// Signals after every save of <paramref name="db"/> made outside a transaction. Inside one the rows are not
    /// visible before its commit: its owner signals then. Call once per context.
    /// </summary>
    public void SignalAfterSaves(DbContext db) => db.SavedChanges += (_, _) =>
    {
        if (db.Database.CurrentTransaction is null)
        {
            Queued();
        }
    };

    /// <summary>Waits until work is queued or the timeout passes (real time: the worker also polls).</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    /// <summary>
    /// Waits until work is queued or <paramref name="timeout"/> has passed on <paramref name="time"/> (a worker that
    /// follows the injected clock, such as the cadence's due checks); true when signalled.
    /// </summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signalled = _signal.WaitAsync(stop.Token);
        await Task.WhenAny(signalled, Task.Delay(timeout, time, stop.Token));
        await stop.CancelAsync();
        try
        {
            await signalled;
            return true;
        }
        catch (OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return false;
        }
    }
}
