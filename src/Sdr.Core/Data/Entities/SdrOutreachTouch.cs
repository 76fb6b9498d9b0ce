
namespace Sdr.Core.Data.Entities;

/// <summary>
/// <c>sdr_outreach_touches</c>: every touch, reserved before the GHL call and confirmed after it.
/// (contact_id, step, touch_date) is unique: the seed's idempotency key.
/// </summary>
public sealed class SdrOutreachTouch
{
    public long Id { get; set; }
    public long SequenceId { get; set; }
    public required string ContactId { get; set; }
    public required string LocationId { get; set; }
    public required SequenceStep Step { get; set; }
    public required string Channel { get; set; }

    /// <summary>Encrypted at rest.</summary>
    public string? MessageBody { get; set; }

    /// <summary>The template file the message came from (<c>sources/fsbo/consultative/sms_1.sms</c>); null for a voicemail drop or an older touch.</summary>
    public string? TemplateId { get; set; }

    /// <summary>The variant whose copy was used (it may be the fallback variant's when the sequence's own has no file for the step).</summary>
    public string? TemplateVariant { get; set; }

    /// <summary>The language model that rewrote the filled template; null when the template was sent as filled.</summary>
    public string? ComposedByModel { get; set; }

    public DateTime? SentAt { get; set; }
    public DateTime? RepliedAt { get; set; }

    /// <summary>Encrypted at rest.</summary>
    public string? ReplyBody { get; set; }

    public required TouchStatus Status { get; set; }
    public DateOnly TouchDate { get; set; }
    public DateTime ReservedAt { get; set; }
    public string? GhlMessageId { get; set; }
    public string? Error { get; set; }

    /// <summary>How often <c>TouchReconciler</c> has looked for this touch in GHL's conversation history.</summary>
    public int ReconcileAttempts { get; set; }

    /// <summary>When the reconciler may look again (backoff); null when it has not looked yet.</summary>
    public DateTime? ReconcileAfter { get; set; }

    /// <summary>The outcome stayed unknown after reconciliation: left for a person to check, never re-sent.</summary>
    public bool NeedsReview { get; set; }
}
