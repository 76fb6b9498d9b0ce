namespace Sdr.Core.Qualification;

/// <summary>
/// The decoder's reading of a conversation: FRS and PCS (0–100), the lead type, how sure it is
/// (0–1), every signal that gave a point (store them with the scores), and the gaps still open.
/// </summary>
public sealed record LeadIntentProfile(
    double FrsScore,
    double PcsScore,
    string LeadType,
    double Confidence,
    IReadOnlyList<IntentSignal> Signals,
    IReadOnlyList<QualificationGap> Missing)
{
    /// <summary>The disqualifiers said ("just curious", "I don't own it"), by name.</summary>
    public IReadOnlyList<string> Disqualifiers => [.. Signals.Where(s => s.Dimension == SignalDimensions.Disqualifier).Select(s => s.Name)];
}
