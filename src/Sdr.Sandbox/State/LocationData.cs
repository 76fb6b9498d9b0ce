namespace Sdr.Sandbox.State;

internal sealed class LocationData(SandboxLocation location, SandboxCalendar calendar)
{
    private readonly Lock _sync = new();
    private readonly HashSet<long> _bookedStarts = [];
    private SandboxContact[] _contacts = [];

    public SandboxLocation Location { get; } = location;

    public SandboxCalendar Calendar { get; } = calendar;

    public IReadOnlyList<SandboxPipeline> Pipelines { get; set; } = [];

    public IReadOnlyList<SandboxOpportunity> Opportunities { get; set; } = [];

    public IReadOnlyList<SandboxWorkflow> Workflows { get; set; } = [];

    public SandboxContact[] Contacts => Volatile.Read(ref _contacts);

    public void AddContact(SandboxContact contact)
    {
        lock (_sync)
        {
            _contacts = [.. _contacts, contact];
        }
    }

    public bool IsBooked(DateTimeOffset start)
    {
        lock (_sync)
        {
            return _bookedStarts.Contains(start.ToUnixTimeMilliseconds());
        }
    }

    public bool TryBook(DateTimeOffset start, DateTimeOffset end)
    {
        lock (_sync)
        {
            var slot = TimeSpan.FromMinutes(Calendar.SlotMinutes);
            for (var t = start; t < end; t += slot)
            {
                if (_bookedStarts.Contains(t.ToUnixTimeMilliseconds()))
                {
                    return false;
                }
            }

            for (var t = start; t < end; t += slot)
            {
                _bookedStarts.Add(t.ToUnixTimeMilliseconds());
            }

            return true;
        }
    }
}
