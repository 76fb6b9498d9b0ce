namespace Sdr.Core.Compliance;

/// <summary>A pipeline stage's answer: go on, defer until a time, or block for good.</summary>
public sealed record StageDecision(StageVerdict Verdict, string Reason, DateTime? Until = null, bool EndsSequence = false)
{
    public static readonly StageDecision Continue = new(StageVerdict.Continue, string.Empty);

    public static StageDecision Defer(string reason, DateTime until) => new(StageVerdict.Deferred, reason, until);

    /// <summary>Refuses the touch; with <paramref name="endsSequence"/> no later touch may go either (no consent).</summary>
    public static StageDecision Block(string reason, bool endsSequence = false) => new(StageVerdict.Blocked, reason, EndsSequence: endsSequence);
}

public enum StageVerdict
{
    Continue,
    Deferred,
    Blocked,
}
