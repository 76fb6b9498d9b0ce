namespace Sdr.Core.Data.Entities;

/// <summary><c>sdr_objection_logs</c>: objection analytics.</summary>
public sealed class SdrObjectionLog
{
    public long Id { get; set; }
    public required string ContactId { get; set; }
    public string? LocationId { get; set; }
    public required string ObjectionType { get; set; }

    /// <summary>Encrypted at rest.</summary>
    public string? RawMessage { get; set; }

    public string? RebuttalUsed { get; set; }
    public string? Outcome { get; set; }
    public DateTime CreatedAt { get; set; }
}
