namespace Sdr.Core.Compliance;

/// <summary>
/// Why a message goes out: a step of the cadence, or a conversational message (one that answers or
/// follows the prospect's own message). Every kind passes the same outbound stages; which rules apply
/// to which kind is written once, in <see cref="MessagePurposeRules"/>. Stored as its snake_case name.
/// </summary>
public enum MessagePurpose
{
    CadenceStep,
    Answer,
    OptOutConfirmation,
    HelpReply,
    QualifyingQuestion,
    BookingOffer,
}

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

    /// <summary>The stored name: <c>cadence_step</c>, <c>answer</c>, <c>opt_out_confirmation</c>, ...</summary>
    public static string ToName(this MessagePurpose purpose) => purpose switch
    {
        MessagePurpose.CadenceStep => "cadence_step",
        MessagePurpose.Answer => "answer",
        MessagePurpose.OptOutConfirmation => "opt_out_confirmation",
        MessagePurpose.HelpReply => "help_reply",
        MessagePurpose.QualifyingQuestion => "qualifying_question",
        MessagePurpose.BookingOffer => "booking_offer",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, null),
    };

    public static MessagePurpose Parse(string name) => name switch
    {
        "cadence_step" => MessagePurpose.CadenceStep,
        "answer" => MessagePurpose.Answer,
        "opt_out_confirmation" => MessagePurpose.OptOutConfirmation,
        "help_reply" => MessagePurpose.HelpReply,
        "qualifying_question" => MessagePurpose.QualifyingQuestion,
        "booking_offer" => MessagePurpose.BookingOffer,
        _ => throw new FormatException($"Unknown message purpose '{name}'."),
    };
}
