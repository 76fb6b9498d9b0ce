namespace Sdr.Sandbox;

public sealed class SandboxContact
{
    public string Id { get; set; } = "";

    public string LocationId { get; set; } = "";

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Address1 { get; set; }

    public string? City { get; set; }

    public string? State { get; set; }

    public string? PostalCode { get; set; }

    public string? Country { get; set; } = "US";

    public string? Timezone { get; set; }

    public string? CompanyName { get; set; }

    public string? Source { get; set; }

    public bool Dnd { get; set; }

    public Dictionary<string, SandboxDndSetting> DndSettings { get; set; } = [];

    public List<string> Tags { get; set; } = [];

    /// <summary>Custom field id → value (text, or a number's JSON text).</summary>
    public Dictionary<string, string> CustomFields { get; set; } = new(StringComparer.Ordinal);

    public DateTimeOffset DateAdded { get; set; }

    public DateTimeOffset DateUpdated { get; set; }

    // Contacts are mutated by request threads and read by tests; every server-side access takes this lock.
    internal Lock Sync { get; } = new();

    public bool IsSmsBlocked()
    {
        lock (Sync)
        {
            return Dnd || IsChannelActive("SMS");
        }
    }

    internal bool IsChannelActive(string channel) =>
        DndSettings.TryGetValue(channel, out var setting) && string.Equals(setting.Status, "active", StringComparison.OrdinalIgnoreCase);
}
