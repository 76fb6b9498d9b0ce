namespace Sdr.Core.Ai;

/// <summary>
/// What the model may use to rewrite one outreach message for its prospect: the filled template (its meaning is kept),
/// who is writing, the facts we hold (nothing else may be stated) and the room the message has (for an SMS, what one
/// segment leaves beside the opening and the opt-out notice the caller adds). <paramref name="IsSms"/>: one line, GSM-7.
/// </summary>
public sealed record OutreachBrief(
    bool IsSms,
    string SenderName,
    string CompanyName,
    IReadOnlyDictionary<string, string> Facts,
    string TemplateText,
    int MaxLength);
