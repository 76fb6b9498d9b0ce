namespace Sdr.Core.Compliance.Conversations;

/// <summary>
/// Wakes this instance's outbound message worker when a message was queued and saved here, so a STOP
/// confirmation starts at once instead of at the worker's next poll (messages queued by another
/// instance are found by the poll).
/// </summary>
public sealed class OutboundMessageSignal
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Queued()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    /// <summary>Waits until a message is queued or the timeout passes (real time: the worker also polls).</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
