using System.Collections.Concurrent;

namespace Sdr.Sandbox.State;

internal sealed class RecordingLog<T>(int capacity)
{
    private readonly ConcurrentQueue<T> _items = new();
    private int _count;

    public void Add(T item)
    {
        _items.Enqueue(item);
        if (Interlocked.Increment(ref _count) > capacity && _items.TryDequeue(out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    public IReadOnlyList<T> Snapshot() => _items.ToArray();

    public void Clear()
    {
        _items.Clear();
        Interlocked.Exchange(ref _count, 0);
    }
}
