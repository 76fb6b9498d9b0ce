namespace Sdr.Core.Replies;

/// <summary>
/// The compliance verdict on one reply. <paramref name="Rule"/> names the keyword list or pattern
/// that decided it (one of <see cref="ComplianceRules"/>); it never contains the message text, so
/// it is safe to log.
/// </summary>
public sealed record ComplianceClassification(ComplianceIntent Intent, double Confidence, string Rule)
{
    public bool IsOptOut => Intent == ComplianceIntent.OptOut;
}
