namespace Sdr.Core.Data.Entities;

/// <summary>
/// <c>sdr_ghl_actions</c>: writes to GHL other than messages that must happen even when GHL is down at
/// the time (SMS DND and the opt-out tag after an opt-out). Written in the same transaction as the local
/// effect and retried until GHL accepts. Texts go through <see cref="SdrOutboundMessage"/>.
/// </summary>
public sealed class SdrGhlAction
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public required string LocationId { get; set; }
    public required string ContactId { get; set; }

    /// <summary>Unique: the same action for the same cause is queued once.</summary>
    public required string DedupeKey { get; set; }

    /// <summary>The tag (or, in rows of earlier versions, a text); encrypted at rest.</summary>
    public string? Payload { get; set; }

    public required string Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? GhlMessageId { get; set; }
    public string? LastError { get; set; }

    /// <summary>
    /// Set while an instance works on the action (its lease); null otherwise. Another instance claims
    /// neither this row nor a later one of the same contact until it is cleared or has passed.
    /// </summary>
    public DateTime? ClaimedUntil { get; set; }
}

public static class GhlActionKinds
{
    public const string SetSmsDnd = "set_sms_dnd";
    public const string ClearSmsDnd = "clear_sms_dnd";
    public const string AddTag = "add_tag";
    public const string RemoveTag = "remove_tag";

    /// <summary>POST /contacts/{id}/notes with the payload as the note's body (a handoff's summary).</summary>
    public const string AddNote = "add_note";

    /// <summary>Enrol the contact (payload: the source) after a source-stage webhook, off the ordered webhook processing.</summary>
    public const string EnrollContact = "enroll_contact";

    /// <summary>Texts queued here by earlier versions (now <see cref="SdrOutboundMessage"/>): never sent from this queue.</summary>
    public const string LegacyOptOutConfirmation = "opt_out_confirmation";

    /// <inheritdoc cref="LegacyOptOutConfirmation"/>
    public const string LegacyHelpReply = "help_reply";

    public static bool IsLegacyText(string kind) => kind is LegacyOptOutConfirmation or LegacyHelpReply;
}

public static class GhlActionStatus
{
    public const string Pending = "pending";

    /// <summary>A text of an earlier version handed to GHL whose answer was not recorded (no longer written).</summary>
    public const string Sending = "sending";
    public const string Done = "done";

    /// <summary>GHL refused it for good (e.g. the contact was deleted), or a text of an earlier version.</summary>
    public const string Failed = "failed";
}
