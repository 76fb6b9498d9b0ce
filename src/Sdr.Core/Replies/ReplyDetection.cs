namespace Sdr.Core.Replies;

/// <summary>The strongest match the pattern layer found for one category.</summary>
internal readonly record struct ReplyDetection(ReplyCategory Category, double Confidence, string Rule);
