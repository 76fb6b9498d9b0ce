using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Qualification;

/// <summary>
/// <c>sdr:qualification:confidence</c>: how sure the decoder is of its own reading (0 to 1): a base,
/// plus a step for each independent FRS / PCS signal, plus or minus how clear the lead type is.
/// </summary>
public sealed class ConfidenceOptions
{
    [ConfigurationKeyName("base")]
    public double Base { get; set; } = 0.35;

    [ConfigurationKeyName("per_signal")]
    public double PerSignal { get; set; } = 0.10;

    [ConfigurationKeyName("max_counted_signals")]
    public int MaxCountedSignals { get; set; } = 5;

    /// <summary>For each doubt ("just looking", "not sure"): usually negative.</summary>
    [ConfigurationKeyName("per_doubt")]
    public double PerDoubt { get; set; } = -0.10;

    /// <summary>The prospect's own words say buyer or seller, and nothing says the other.</summary>
    [ConfigurationKeyName("lead_type_clear")]
    public double LeadTypeClear { get; set; } = 0.15;

    /// <summary>The words say both buyer and seller.</summary>
    [ConfigurationKeyName("lead_type_conflict")]
    public double LeadTypeConflict { get; set; } = -0.15;

    /// <summary>Nothing says buyer or seller.</summary>
    [ConfigurationKeyName("lead_type_unknown")]
    public double LeadTypeUnknown { get; set; } = -0.05;
}
