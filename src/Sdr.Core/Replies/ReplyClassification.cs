namespace Sdr.Core.Replies;

/// <summary>
/// The verdict on one reply.
/// <list type="bullet">
/// <item><paramref name="Rule"/>: the layer and the pattern that decided it (<c>keywords:stop-contacting</c>,
/// <c>patterns:timing.next_period</c>, <c>patterns:auto_responder.driving</c>, <c>empty</c>); never message
/// text, so it is safe to log.</item>
/// <item><paramref name="AlsoDetected"/>: the other categories the patterns saw in the same message, in
/// precedence order ("we already have an agent but what's the price range?" is
/// <see cref="ReplyCategory.AlreadyAgent"/> with <see cref="ReplyCategory.Price"/> here).</item>
/// <item><paramref name="IsUnsure"/>: the pattern layer's confidence is below the unsure threshold, or it
/// found an opt-out-like decline beside a positive signal; the caller may ask the LLM.</item>
/// <item><paramref name="IsAutoResponder"/>: not a human reply (driving mode, out of office, carrier or mail
/// system notice); never answer it. Its category is <see cref="ReplyCategory.Engagement"/> by convention.</item>
/// </list>
/// </summary>
public sealed record ReplyClassification(
    ReplyCategory Category,
    double Confidence,
    string DecidedBy,
    string Rule,
    IReadOnlyList<ReplyCategory> AlsoDetected,
    bool IsUnsure,
    bool IsAutoResponder)
{
    /// <summary>True when the reply opts the contact out (an explicit opt-out or a plain "not interested").</summary>
    public bool OptsOut => Category is ReplyCategory.OptOut or ReplyCategory.NotInterested;

    /// <summary>The wire name of <see cref="Category"/>.</summary>
    public string CategoryName => Category.ToName();
}
