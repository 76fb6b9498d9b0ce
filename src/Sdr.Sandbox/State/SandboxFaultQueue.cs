namespace Sdr.Sandbox;

public sealed class SandboxFaultQueue
{
    private readonly Lock _sync = new();
    private readonly List<Entry> _entries = [];
    private int _pending;

    public int Pending => Volatile.Read(ref _pending);

    public void Enqueue(SandboxFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_sync)
        {
            _entries.Add(new Entry(fault, Math.Max(fault.Count, 1)));
            _pending = _entries.Count;
        }
    }

    public void Clear()
    {
        lock (_sync)
        {
            _entries.Clear();
            _pending = 0;
        }
    }

    internal SandboxFault? TryTake(string method, string path)
    {
        if (Volatile.Read(ref _pending) == 0)
        {
            return null;
        }

        lock (_sync)
        {
            for (var i = 0; i < _entries.Count; i++)
            {
                var entry = _entries[i];
                if (!string.Equals(entry.Fault.Method, method, StringComparison.OrdinalIgnoreCase)
                    || !path.StartsWith(entry.Fault.PathPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                entry.Remaining--;
                if (entry.Remaining <= 0)
                {
                    _entries.RemoveAt(i);
                    _pending = _entries.Count;
                }

                return entry.Fault;
            }
        }

        return null;
    }

    private sealed class Entry(SandboxFault fault, int remaining)
    {
        public SandboxFault Fault { get; } = fault;

        public int Remaining { get; set; } = remaining;
    }
}
