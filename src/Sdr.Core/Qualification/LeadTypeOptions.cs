using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Qualification;

/// <summary><c>sdr:qualification:lead_type</c>: how buyer and seller words and the enrolment hint decide the lead type.</summary>
public sealed class LeadTypeOptions
{
    /// <summary>What the enrolment's <c>lead_type</c> or a "buyer" / "seller" tag adds to its side.</summary>
    [ConfigurationKeyName("hint_weight")]
    public double HintWeight { get; set; } = 0.5;

    /// <summary>When both sides have weight, one wins only with at least this many times the other's; else ambiguous.</summary>
    [ConfigurationKeyName("dominance_ratio")]
    public double DominanceRatio { get; set; } = 3;
}
