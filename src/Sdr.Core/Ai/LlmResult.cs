namespace Sdr.Core.Ai;

/// <summary>
/// One use of the language model, kept for the usage record: the model asked, how long it took, and why its answer
/// was not used (<see cref="LlmFallbackReasons"/>), in which case the caller falls back to its patterns and templates.
/// </summary>
public sealed record LlmResult<T>(T? Value, string Model, TimeSpan Latency, string? FallbackReason)
{
    public bool Succeeded => Value is not null && FallbackReason is null;
}

/// <summary>The label the model chose among the allowed ones, and how sure it says it is (0 to 1).</summary>
public sealed record LlmClassification(string Label, double Confidence);

/// <summary>
/// What the model may use to compose one SMS answer: the prospect's reply and its category, who is writing, the facts
/// we hold about the prospect (nothing else may be stated), the template answer the caller would send otherwise, and
/// the room left in one SMS segment once the caller's own additions (such as the opt-out notice) are counted.
/// </summary>
public sealed record AnswerBrief(
    string Category,
    string ReplyText,
    string SenderName,
    string CompanyName,
    IReadOnlyDictionary<string, string> Facts,
    string? TemplateAnswer,
    int MaxLength)
{
    /// <summary>The style the sequence's A/B test variant asks for ("warm and brief"); null: none.</summary>
    public string? Tone { get; init; }
}
