using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Compliance.Caps;

/// <summary>
/// <c>sdr:compliance:caps</c>: the states that limit telephone solicitation to a number of messages
/// per rolling 24 hours per contact (Florida, Oklahoma, Maryland: 3).
/// </summary>
public sealed class CapsOptions
{
    public const string SectionName = "sdr:compliance:caps";

    [ConfigurationKeyName("rolling_24h_states")]
    public List<string> Rolling24hStates { get; set; } = ["FL", "OK", "MD"];

    [ConfigurationKeyName("rolling_24h_limit")]
    [Range(1, 100, ErrorMessage = "sdr:compliance:caps:rolling_24h_limit must be between {1} and {2}.")]
    public int Rolling24hLimit { get; set; } = 3;

    /// <summary>
    /// Whether a recipient whose state cannot be told (no state, no US area code) is held to the
    /// rolling limit, as the hours stage holds such a recipient to the strictest state.
    /// </summary>
    [ConfigurationKeyName("rolling_24h_when_state_unknown")]
    public bool Rolling24hWhenStateUnknown { get; set; } = true;
}
