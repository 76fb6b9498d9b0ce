namespace Sdr.Core.Compliance;

/// <summary>A pipeline stage's answer: go on, defer until a time, or block for good.</summary>
public sealed record StageDecision(StageVerdict Verdict, string Reason, DateTime? Until = null)
{
    public static readonly StageDecision Continue = new(StageVerdict.Continue, string.Empty);

    public static StageDecision Defer(string reason, DateTime until) => new(StageVerdict.Deferred, reason, until);

    public static StageDecision Block(string reason) => new(StageVerdict.Blocked, reason);
}

public enum StageVerdict
{
    Continue,
    Deferred,
    Blocked,
}
