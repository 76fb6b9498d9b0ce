namespace Sdr.Core.Data.Entities;

/// <summary>
/// Why a message goes out: a step of the cadence, or a conversational message (one that answers or
/// follows the prospect's own message). Every kind passes the same outbound stages; which rules apply
/// to which kind is written once, in Compliance's <c>MessagePurposeRules</c>. Stored as its snake_case name.
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

public static class MessagePurposeNames
{
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
