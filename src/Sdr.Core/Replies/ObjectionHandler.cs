using System.Text.RegularExpressions;

namespace Sdr.Core.Replies;

/// <summary>
/// The seed's ObjectionHandler: classifies an inbound reply in layers, each explainable by its
/// <see cref="ReplyClassification.Rule"/>. Stateless and thread-safe (a singleton); no LLM here.
/// <list type="number">
/// <item>Email bodies are cleaned first (<see cref="EmailReplyText.Clean"/>); any body is cut to its first
/// <see cref="ReplyText.MaxClassifiedChars"/> characters and binary junk is blanked.</item>
/// <item>Auto-responders (driving mode, out of office, carrier and mail-system notices) come back with
/// <see cref="ReplyClassification.IsAutoResponder"/> set, category <see cref="ReplyCategory.Engagement"/>
/// and no other signal: never answer them, never act on them.</item>
/// <item>The compliance keyword layer (<see cref="ComplianceKeywordClassifier"/>) decides STOP and free-text
/// revocations (<see cref="ReplyCategory.OptOut"/>), a plain "not interested"
/// (<see cref="ReplyCategory.NotInterested"/>), HELP and START. Its verdict is never unsure.</item>
/// <item>Otherwise the pattern layer: every pattern runs; the winner is the category of highest precedence
/// among the strong matches (confidence ≥ <see cref="StrongConfidence"/>), or the most confident weak match
/// when there is no strong one. Precedence: not_interested &gt; already_agent &gt; timing &gt; price &gt;
/// info_request &gt; engagement (the signal that changes what the sequence does most wins; the others are
/// reported in <see cref="ReplyClassification.AlsoDetected"/> so the answer can address them). A reply no
/// pattern recognises is <see cref="ReplyCategory.Engagement"/> (rule <c>patterns:engagement.default</c>) and unsure.</item>
/// </list>
/// <see cref="ReplyClassification.IsUnsure"/> is true when the winner's confidence is below
/// <see cref="UnsureThreshold"/>, or when a pattern-layer not_interested (which opts out) ties with a strong
/// positive signal (timing, price, info_request or engagement) in the same reply.
/// An empty reply (null, white space, or nothing left after email cleaning or punctuation) is
/// <see cref="ReplyCategory.Engagement"/>, unsure, rule <c>empty</c>: there is nothing to answer.
/// </summary>
public sealed class ObjectionHandler
{
    /// <summary>Below this the pattern layer is unsure and the caller may ask the LLM.</summary>
    public const double UnsureThreshold = 0.6;

    /// <summary>Matches at or above this compete by precedence; weaker ones only decide when nothing strong matched.</summary>
    public const double StrongConfidence = 0.75;

    public const string EmptyRule = "empty";
    public const string DefaultRule = "patterns:engagement.default";

    private const double DefaultConfidence = 0.5;
    private const double AutoResponderConfidence = 0.95;

    /// <summary>The rule when the pattern layer timed out (a starved machine): the reply is left to the LLM or a person.</summary>
    public const string TimeoutRule = "patterns:timeout";

    private static readonly ReplyClassification Empty =
        new(ReplyCategory.Engagement, 0, ReplyDecidedBy.Patterns, EmptyRule, [], IsUnsure: true, IsAutoResponder: false);

    private static readonly ReplyClassification TimedOut =
        new(ReplyCategory.Engagement, 0, ReplyDecidedBy.Patterns, TimeoutRule, [], IsUnsure: true, IsAutoResponder: false);

    private static readonly ReplyClassification Default =
        new(ReplyCategory.Engagement, DefaultConfidence, ReplyDecidedBy.Patterns, DefaultRule, [], IsUnsure: true, IsAutoResponder: false);

    // "I'm not NOT interested", "not uninterested": the keyword layer reads the inner "not interested".
    private static readonly Regex DoubleNegatedInterest = ReplyRegex.Compile(
        @"\b(not|never) (not|never|un|dis) ?(interested|intrested|interesed|intersted)\b");

    private readonly ComplianceKeywordClassifier _keywords;

    public ObjectionHandler()
        : this(new ComplianceKeywordClassifier())
    {
    }

    public ObjectionHandler(ComplianceKeywordClassifier keywords) => _keywords = keywords;

    /// <summary>True for the categories that opt the contact out (the seed: not_interested acts like STOP).</summary>
    public static bool ShouldOptOut(ReplyCategory category) =>
        category is ReplyCategory.OptOut or ReplyCategory.NotInterested;

    /// <summary>Classifies one reply: keywords, then patterns. Never throws on any input.</summary>
    public ReplyClassification Classify(string? body, bool isEmail = false)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return Empty;
        }

        var text = ReplyText.Sanitize(isEmail ? EmailReplyText.Clean(body) : body, ReplyText.MaxClassifiedChars);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Empty;
        }

        var reply = ReplyNormalizer.Normalize(text);
        string? autoResponderRule;
        List<ReplyDetection> detections;
        try
        {
            autoResponderRule = AutoResponderDetector.Detect(reply);
            detections = autoResponderRule is null ? ReplyPatternMatcher.Detect(reply, text) : [];
        }
        catch (RegexMatchTimeoutException)
        {
            return FromKeywords(_keywords.Classify(text), reply, []) ?? TimedOut;
        }

        if (autoResponderRule is not null)
        {
            return new(ReplyCategory.Engagement, AutoResponderConfidence, ReplyDecidedBy.Patterns, autoResponderRule, [],
                IsUnsure: false, IsAutoResponder: true);
        }

        return FromKeywords(_keywords.Classify(text), reply, detections)
            ?? FromPatterns(detections)
            ?? (reply.Tokens.Count == 0 ? Empty : Default);
    }

    private static ReplyClassification? FromKeywords(
        ComplianceClassification verdict, NormalizedReply reply, List<ReplyDetection> detections)
    {
        ReplyCategory? category = verdict.Intent switch
        {
            ComplianceIntent.OptOut when verdict.Rule is ComplianceRules.NotInterested or ComplianceRules.EsNotInterested =>
                DoubleNegatedInterest.IsMatch(reply.Text) ? null : ReplyCategory.NotInterested,
            ComplianceIntent.OptOut => ReplyCategory.OptOut,
            ComplianceIntent.Help => ReplyCategory.Help,
            ComplianceIntent.OptIn => ReplyCategory.Start,
            _ => null,
        };

        return category is not { } decided
            ? null
            : new(decided, verdict.Confidence, ReplyDecidedBy.Keywords, $"{ReplyDecidedBy.Keywords}:{verdict.Rule}",
                OthersThan(decided, detections), IsUnsure: false, IsAutoResponder: false);
    }

    private static ReplyClassification? FromPatterns(List<ReplyDetection> detections)
    {
        if (detections.Count == 0)
        {
            return null;
        }

        // Detections come in ReplyCategory order, which is the precedence order.
        var firstStrong = detections.FindIndex(d => d.Confidence >= StrongConfidence);
        var winner = firstStrong >= 0
            ? detections[firstStrong]
            : detections.OrderByDescending(d => d.Confidence).ThenBy(d => d.Category).First();

        var unsure = winner.Confidence < UnsureThreshold
            || (winner.Category == ReplyCategory.NotInterested && detections.Exists(IsStrongPositive));
        return new(winner.Category, winner.Confidence, ReplyDecidedBy.Patterns, winner.Rule,
            OthersThan(winner.Category, detections), unsure, IsAutoResponder: false);
    }

    private static bool IsStrongPositive(ReplyDetection detection) =>
        detection.Confidence >= StrongConfidence
        && detection.Category is ReplyCategory.Timing or ReplyCategory.Price or ReplyCategory.InfoRequest or ReplyCategory.Engagement;

    private static ReplyCategory[] OthersThan(ReplyCategory winner, List<ReplyDetection> detections) =>
        [.. detections.Where(d => d.Category != winner).Select(d => d.Category)];
}
