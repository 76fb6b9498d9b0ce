using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Qualification;

/// <summary><c>sdr:qualification:engagement</c>: PCS points for talking with us at all.</summary>
public sealed class EngagementOptions
{
    /// <summary>A reply straight after a question of ours.</summary>
    [ConfigurationKeyName("answered_question_weight")]
    public double AnsweredQuestionWeight { get; set; } = 10;

    /// <summary>Each reply after the first, up to <see cref="MaxRepliesWeight"/>.</summary>
    [ConfigurationKeyName("per_extra_reply_weight")]
    public double PerExtraReplyWeight { get; set; } = 5;

    [ConfigurationKeyName("max_replies_weight")]
    public double MaxRepliesWeight { get; set; } = 15;
}
