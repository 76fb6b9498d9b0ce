namespace Sdr.Core.Qualification;

/// <summary>
/// The seed's <c>GateDecision</c>. <see cref="HandoffTarget"/> is set only when passed;
/// <see cref="DisqualifyReason"/> only when not. <see cref="NextQuestionGap"/> is what the one
/// qualifying question of a failed gate asks about (null when passed, disqualified or nothing is missing).
/// </summary>
public sealed record GateDecision(
    bool Passed,
    double FrsScore,
    double PcsScore,
    string LeadType,
    double Confidence,
    LeadIntentProfile IntentProfile,
    string? HandoffTarget,
    string? DisqualifyReason)
{
    /// <summary>Passed with FRS at or above <c>hot_lead_frs_threshold</c>: offer a booking.</summary>
    public bool IsHot { get; init; }

    public QualificationGap? NextQuestionGap { get; init; }
}
