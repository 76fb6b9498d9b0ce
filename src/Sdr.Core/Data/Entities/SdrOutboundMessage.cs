
namespace Sdr.Core.Data.Entities;

/// <summary>
/// <c>sdr_outbound_messages</c>: a conversational message (an answer, a STOP confirmation, a HELP
/// reply, a qualifying question, a booking offer), queued in the unit of work that decided it and sent
/// by its own worker through the same outbound stages as a cadence touch. Reserved (<c>sending</c>,
/// committed) before the GHL call and never sent twice.
/// </summary>
public sealed class SdrOutboundMessage
{
    public long Id { get; set; }
    public MessagePurpose Purpose { get; set; }
    public required string LocationId { get; set; }
    public required string ContactId { get; set; }

    /// <summary>The contact's sequence when it has one (a STOP from a contact we never enrolled has none).</summary>
    public long? SequenceId { get; set; }

    public Channel Channel { get; set; }

    /// <summary>Encrypted at rest.</summary>
    public string? Body { get; set; }

    /// <summary>The subject of an email; null for a text.</summary>
    public string? Subject { get; set; }

    /// <summary>Unique: the same message for the same cause is queued once (a STOP's confirmation, one HELP reply a day).</summary>
    public required string DedupeKey { get; set; }

    public OutboundMessageStatus Status { get; set; }

    /// <summary>Not sent before this time (a stage's deferral, a retry's backoff).</summary>
    public DateTime NotBefore { get; set; }

    /// <summary>Never sent after this time (a STOP confirmation or HELP reply: five minutes); null: no limit.</summary>
    public DateTime? ExpiresAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>Set while an instance works on the message (its lease); another instance leaves it alone until it has passed.</summary>
    public DateTime? ClaimedUntil { get; set; }

    public string? GhlMessageId { get; set; }

    /// <summary>Why it waits, was blocked, failed or expired.</summary>
    public string? Reason { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}
