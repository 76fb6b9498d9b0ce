namespace Sdr.Core.Webhooks;

/// <summary>
/// How many stored events wait for processing, so the intake can answer 429 (GHL retries only on
/// 429) instead of growing the inbox without bound. Counted in memory; the processor re-reads the
/// true count from the database whenever it drains the queue.
/// </summary>
public sealed class WebhookBacklog
{
    private long _pending;
    private readonly SemaphoreSlim _signal = new(0);

    public long Pending => Interlocked.Read(ref _pending);

    public void Added(int count)
    {
        Interlocked.Add(ref _pending, count);
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    public void Done(int count) => Interlocked.Add(ref _pending, -count);

    public void Reset(long pending) => Interlocked.Exchange(ref _pending, pending);

    /// <summary>Waits until new events arrive or the timeout passes (real time: the processor also polls).</summary>
    public Task<bool> WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);
}
