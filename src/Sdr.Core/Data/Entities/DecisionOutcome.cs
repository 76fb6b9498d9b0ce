namespace Sdr.Core.Data.Entities;

/// <summary>What became of a planned touch. Stored as its lower-case name (<c>sent</c>, <c>deferred</c>, ...).</summary>
public enum DecisionOutcome
{
    Sent,
    Deferred,
    Blocked,
    Failed,
}

public static class DecisionOutcomeNames
{
    /// <summary>The stored and shown name: <c>sent</c>, <c>deferred</c>, <c>blocked</c> or <c>failed</c>.</summary>
    public static string ToName(this DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Sent => "sent",
        DecisionOutcome.Deferred => "deferred",
        DecisionOutcome.Blocked => "blocked",
        DecisionOutcome.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static DecisionOutcome Parse(string name) => name switch
    {
        "sent" => DecisionOutcome.Sent,
        "deferred" => DecisionOutcome.Deferred,
        "blocked" => DecisionOutcome.Blocked,
        "failed" => DecisionOutcome.Failed,
        _ => throw new FormatException($"Unknown decision outcome '{name}'."),
    };
}
