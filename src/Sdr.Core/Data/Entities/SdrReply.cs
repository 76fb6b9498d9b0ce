namespace Sdr.Core.Data.Entities;

/// <summary><c>sdr_replies</c>: every inbound message of an enrolled contact, with how it was classified.</summary>
public sealed class SdrReply
{
    public long Id { get; set; }
    public long? SequenceId { get; set; }
    public required string ContactId { get; set; }
    public required string LocationId { get; set; }
    public string? MessageId { get; set; }

    /// <summary>Encrypted at rest.</summary>
    public string? Body { get; set; }

    public DateTime ReceivedAt { get; set; }
    public required string Category { get; set; }
    public double Confidence { get; set; }

    /// <summary>Which layer decided: keywords, patterns or llm.</summary>
    public required string DecidedBy { get; set; }

    /// <summary>The rule that matched (no message text).</summary>
    public string? Rule { get; set; }
}
