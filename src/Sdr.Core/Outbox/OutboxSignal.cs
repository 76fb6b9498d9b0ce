namespace Sdr.Core.Outbox;

/// <summary>
/// Wakes this instance's outbox worker when an action was queued and saved here, so a confirmation or
/// a DND write starts at once instead of at the worker's next poll (actions queued by another
/// instance are found by the poll).
/// </summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Queued()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    /// <summary>Waits until an action is queued or the timeout passes (real time: the worker also polls).</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
