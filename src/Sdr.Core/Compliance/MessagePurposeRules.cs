using Sdr.Core.Data.Entities;

namespace Sdr.Core.Compliance;

/// <summary>
/// The rules each kind of message is held to. A STOP confirmation or HELP reply answers the prospect's
/// own message: it skips the hours, the caps and the suppression ledger (the contact was just
/// suppressed; CTIA wants HELP answered even when opted out), and goes out within five minutes or
/// never. Our answers, questions and offers keep the hours and count toward the location's daily SMS
/// cap and the states' rolling limits (SPEC section 4), but not toward the cadence's per-contact daily
/// cap. The content rules (one SMS segment) apply to every text.
/// </summary>
public static class MessagePurposeRules
{
    private static readonly TimeSpan ReplyWindow = TimeSpan.FromMinutes(5);

    public static bool IsConversational(this MessagePurpose purpose) => purpose != MessagePurpose.CadenceStep;

    /// <summary>Whether the prospect asked for this message by a compliance keyword (STOP, HELP).</summary>
    public static bool AnswersKeyword(this MessagePurpose purpose) => purpose is MessagePurpose.OptOutConfirmation or MessagePurpose.HelpReply;

    /// <summary>The suppression ledger and the inbox hold (consent stage).</summary>
    public static bool AppliesConsent(this MessagePurpose purpose) => !purpose.AnswersKeyword();

    /// <summary>The recipient's allowed hours (hours stage).</summary>
    public static bool AppliesHours(this MessagePurpose purpose) => !purpose.AnswersKeyword();

    /// <summary>The location's daily SMS cap and the states' rolling 24 h limits (caps stage).</summary>
    public static bool AppliesCaps(this MessagePurpose purpose) => !purpose.AnswersKeyword();

    /// <summary><c>max_touches_per_contact_per_day</c>: cadence touches only.</summary>
    public static bool CountsTowardContactDailyCap(this MessagePurpose purpose) => purpose == MessagePurpose.CadenceStep;

    /// <summary>How long after it is queued the message may still go out; null: no limit.</summary>
    public static TimeSpan? SendWindow(this MessagePurpose purpose) => purpose.AnswersKeyword() ? ReplyWindow : null;
}
