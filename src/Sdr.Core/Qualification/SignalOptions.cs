using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Qualification;

/// <summary>
/// One signal of <c>sdr:qualification:signals</c>: regular expressions over the prospect's words
/// (lower case, accents removed, apostrophes straightened), each matched at word boundaries, and what
/// a match is worth. A signal counts once per conversation, however often it is said.
/// </summary>
public sealed class SignalOptions
{
    /// <summary><c>frs</c>, <c>pcs</c>, <c>buyer</c>, <c>seller</c> or <c>disqualifier</c>.</summary>
    [ConfigurationKeyName("dimension")]
    public string Dimension { get; set; } = "";

    /// <summary>Points on the FRS or PCS scale (negative for doubts), or the lead-type weight; disqualifiers ignore it.</summary>
    [ConfigurationKeyName("weight")]
    public double Weight { get; set; }

    [ConfigurationKeyName("patterns")]
    public List<string> Patterns { get; set; } = [];

    /// <summary>The gap a match answers: <c>timeline</c>, <c>budget_or_pre_approval</c> or <c>motivation</c>; empty for none.</summary>
    [ConfigurationKeyName("fills")]
    public string Fills { get; set; } = "";
}
