namespace Sdr.Core.Compliance;

/// <summary>
/// The GHL calls a batch may have in flight at once (<c>dispatch_concurrency</c>), shared by the groups of
/// touches it sends side by side: whichever group has calls to make uses the free slots.
/// </summary>
public sealed class CallSlots(int count) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, count), Math.Max(1, count));

    public int Count { get; } = Math.Max(1, count);

    /// <summary>Waits for a free slot; dispose the result to give it back.</summary>
    public async ValueTask<Held> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        return new Held(_slots);
    }

    public void Dispose() => _slots.Dispose();

    public readonly struct Held(SemaphoreSlim held) : IDisposable
    {
        public void Dispose() => held.Release();
    }
}
