namespace Sdr.Core.Data.Entities;

/// <summary>
/// <c>sdr_webhook_events</c>: the durable inbox. Every authenticated webhook is written here before
/// GHL gets its 200, then processed asynchronously. <see cref="DedupeKey"/> is unique, so a
/// duplicated or replayed delivery is stored (and acted on) once.
/// </summary>
public sealed class SdrWebhookEvent
{
    public long Id { get; set; }

    /// <summary><c>msg:{messageId}</c> for messages, else <c>wh:{webhookId}</c>, else a hash of the body.</summary>
    public required string DedupeKey { get; set; }

    /// <summary>The endpoint it arrived on: reply, booking-confirmed, opt-out or stage-change.</summary>
    public required string Endpoint { get; set; }

    /// <summary>GHL's <c>type</c> (InboundMessage, AppointmentCreate, ContactDndUpdate, ...).</summary>
    public required string EventType { get; set; }

    public string? LocationId { get; set; }
    public string? ContactId { get; set; }

    /// <summary>The raw JSON body; encrypted at rest (it holds message text and contact details).</summary>
    public string? Payload { get; set; }

    public DateTime ReceivedAt { get; set; }
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? ProcessedAt { get; set; }

    /// <summary>What processing did (or why the event was ignored); never message text.</summary>
    public string? Outcome { get; set; }

    public string? Error { get; set; }
}

public static class WebhookEventStatus
{
    public const string Pending = "pending";
    public const string Processed = "processed";

    /// <summary>Understood and safely dropped (unknown contact or location, outbound echo, ...).</summary>
    public const string Ignored = "ignored";

    /// <summary>Processing failed every attempt; kept for an operator.</summary>
    public const string Failed = "failed";
}
