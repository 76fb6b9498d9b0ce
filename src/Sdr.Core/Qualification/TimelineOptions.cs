using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Qualification;

/// <summary>
/// <c>sdr:qualification:timeline</c>: a stated time to move ("in 30 days", "next month", "this spring",
/// "by June", "asap") is worth the weights of the first band it fits: <c>weight</c> on FRS, and
/// <c>pcs_weight</c> on PCS (a near move is urgency too).
/// </summary>
public sealed class TimelineOptions
{
    [ConfigurationKeyName("bands")]
    public Dictionary<string, TimelineBandOptions> Bands { get; set; } = new(StringComparer.Ordinal);
}

public sealed class TimelineBandOptions
{
    [ConfigurationKeyName("max_days")]
    public int MaxDays { get; set; }

    [ConfigurationKeyName("weight")]
    public double Weight { get; set; }

    [ConfigurationKeyName("pcs_weight")]
    public double PcsWeight { get; set; }
}
