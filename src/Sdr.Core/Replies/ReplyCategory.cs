namespace Sdr.Core.Replies;

/// <summary>
/// What a human reply means for the sequence. Wire names (snake_case) come from
/// <see cref="ReplyCategoryNames"/>. <see cref="OptOut"/> and <see cref="NotInterested"/> both opt the
/// contact out: the first is an instruction to stop contacting ("STOP", "remove me", "wrong number"),
/// the second declines the offer ("not interested", "no thanks", "not selling").
/// </summary>
public enum ReplyCategory
{
    OptOut,
    NotInterested,
    AlreadyAgent,
    Timing,
    Price,
    InfoRequest,
    Engagement,
    Help,
    Start,
}
