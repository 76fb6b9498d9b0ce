namespace Sdr.Core.Replies;

/// <summary>Which layer decided a <see cref="ReplyClassification"/>; also the prefix of its <see cref="ReplyClassification.Rule"/>.</summary>
public static class ReplyDecidedBy
{
    /// <summary>The compliance keyword layer (<see cref="ComplianceKeywordClassifier"/>): STOP, HELP, START, free-text revocations.</summary>
    public const string Keywords = "keywords";

    /// <summary>The pattern layer of <see cref="ObjectionHandler"/>, including the auto-responder check.</summary>
    public const string Patterns = "patterns";

    /// <summary>The LLM, asked by the caller when the patterns were unsure (not part of <see cref="ObjectionHandler"/>).</summary>
    public const string Llm = "llm";
}
