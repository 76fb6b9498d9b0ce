// TEMPORARY: replaced by the classifier branch (wt/classify) when it merges.
namespace Sdr.Core.Replies;

public enum ReplyCategory { OptOut, NotInterested, AlreadyAgent, Timing, Price, InfoRequest, Engagement, Help, Start }

public static class ReplyCategoryNames
{
    public static IReadOnlyList<string> All { get; } = ["opt_out", "not_interested", "already_agent", "timing", "price", "info_request", "engagement", "help", "start"];

    public static string ToName(this ReplyCategory category) => All[(int)category];

    public static bool TryParse(string? name, out ReplyCategory category)
    {
        var index = name is null ? -1 : All.ToList().IndexOf(name);
        category = index < 0 ? default : (ReplyCategory)index;
        return index >= 0;
    }
}

public static class ReplyDecidedBy
{
    public const string Keywords = "keywords";
    public const string Patterns = "patterns";
    public const string Llm = "llm";
}

public sealed record ReplyClassification(ReplyCategory Category, double Confidence, string DecidedBy, string Rule, IReadOnlyList<ReplyCategory> AlsoDetected, bool IsUnsure, bool IsAutoResponder)
{
    public bool OptsOut => Category is ReplyCategory.OptOut or ReplyCategory.NotInterested;
}

public sealed class ObjectionHandler(ComplianceKeywordClassifier keywords)
{
    public ReplyClassification Classify(string? body, bool isEmail = false)
    {
        var verdict = keywords.Classify(body);
        return verdict.Intent switch
        {
            ComplianceIntent.OptOut => new(ReplyCategory.OptOut, verdict.Confidence, ReplyDecidedBy.Keywords, verdict.Rule, [], false, false),
            ComplianceIntent.Help => new(ReplyCategory.Help, verdict.Confidence, ReplyDecidedBy.Keywords, verdict.Rule, [], false, false),
            ComplianceIntent.OptIn => new(ReplyCategory.Start, verdict.Confidence, ReplyDecidedBy.Keywords, verdict.Rule, [], false, false),
            _ => Patterns(body ?? string.Empty),
        };
    }

    public static bool ShouldOptOut(ReplyCategory category) => category is ReplyCategory.OptOut or ReplyCategory.NotInterested;

    private static ReplyClassification Patterns(string body)
    {
        var text = body.ToLowerInvariant();
        (ReplyCategory, string)? hit =
            text.Contains("not interested", StringComparison.Ordinal) && !text.Contains("right now", StringComparison.Ordinal) ? (ReplyCategory.NotInterested, "not_interested") :
            text.Contains("agent", StringComparison.Ordinal) || text.Contains("realtor", StringComparison.Ordinal) ? (ReplyCategory.AlreadyAgent, "already_agent") :
            text.Contains("next year", StringComparison.Ordinal) || text.Contains("not right now", StringComparison.Ordinal) || text.Contains("not ready", StringComparison.Ordinal) ? (ReplyCategory.Timing, "timing") :
            text.Contains("afford", StringComparison.Ordinal) || text.Contains("price", StringComparison.Ordinal) ? (ReplyCategory.Price, "price") :
            text.Contains("who is this", StringComparison.Ordinal) || text.Contains("my number", StringComparison.Ordinal) ? (ReplyCategory.InfoRequest, "info_request") :
            text.Contains("driving", StringComparison.Ordinal) ? (ReplyCategory.Engagement, "auto") :
            null;
        return hit is { } h
            ? new(h.Item1, 0.8, ReplyDecidedBy.Patterns, "patterns:" + h.Item2, [], false, h.Item2 == "auto")
            : new(ReplyCategory.Engagement, 0.5, ReplyDecidedBy.Patterns, string.IsNullOrWhiteSpace(body) ? "empty" : "patterns:engagement.default", [], true, false);
    }
}
