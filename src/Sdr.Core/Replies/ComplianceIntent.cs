namespace Sdr.Core.Replies;

/// <summary>What an inbound reply asks of us before any sales logic runs.</summary>
public enum ComplianceIntent
{
    None,
    OptOut,
    Help,
    OptIn,
}
