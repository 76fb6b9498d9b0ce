using Sdr.Core.Replies;

namespace Sdr.Tests.Unit.Replies;

public enum ReplyKind
{
    CarrierKeyword,
    EnglishRevocation,
    SpanishRevocation,
    Help,
    OptIn,
    LookAlike,
    Engagement,
}

public sealed record LabelledReply(string Text, ComplianceIntent Expected, ReplyKind Kind)
{
    public override string ToString() => $"[{Kind}] {Text}";
}
