namespace Sdr.Core.Data.Entities;

/// <summary><c>sdr_replies</c>: every inbound message of an enrolled contact, with how it was classified.</summary>
public sealed class SdrReply
{
    public long Id { get; set; }
    public long? SequenceId { get; set; }
    public required string ContactId { get; set; }
    public required string LocationId { get; set; }
    public string? MessageId { get; set; }

    /// <summary>The webhook event that delivered it (the agent's queued work names it).</summary>
    public long? WebhookEventId { get; set; }

    /// <summary><c>SMS</c> or <c>Email</c>, as GHL named the message type.</summary>
    public string? MessageType { get; set; }

    /// <summary>An email reply (answered by email; its body is HTML with quoted history). Not stored: read from <see cref="MessageType"/>.</summary>
    public bool IsEmail => string.Equals(MessageType, EmailMessageType, StringComparison.OrdinalIgnoreCase);

    public const string EmailMessageType = "Email";

    /// <summary>Encrypted at rest.</summary>
    public string? Body { get; set; }

    public DateTime ReceivedAt { get; set; }
    public required string Category { get; set; }
    public double Confidence { get; set; }

    /// <summary>Which layer decided: keywords, patterns or llm.</summary>
    public required string DecidedBy { get; set; }

    /// <summary>The rule that matched (no message text).</summary>
    public string? Rule { get; set; }

    /// <summary>Other categories the reply also showed (comma-separated wire names), after the one that decided.</summary>
    public string? AlsoDetected { get; set; }

    /// <summary>An automatic answer (driving, out of office, carrier notice): never answered, never pauses the cadence.</summary>
    public bool IsAutoResponder { get; set; }

    /// <summary>What the agent did about it (no message text): "answered (price)", "opted out", "not answered: auto-responder", ...</summary>
    public string? Action { get; set; }

    /// <summary>When the agent finished with it (answer queued, handed off, ...); null while its work is queued.</summary>
    public DateTime? HandledAt { get; set; }
}
