using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Compliance.Hours;

/// <summary>
/// One state's rule under <c>sdr:compliance:hours:states:{code}</c>. Unset times fall back to the
/// federal window; a day in <see cref="Days"/> overrides the state's window for that weekday.
/// </summary>
public sealed class StateHoursOptions
{
    [ConfigurationKeyName("start")]
    public string? Start { get; set; }

    [ConfigurationKeyName("end")]
    public string? End { get; set; }

    /// <summary>Weekday name (monday ... sunday) to that day's window.</summary>
    [ConfigurationKeyName("days")]
    public Dictionary<string, HoursWindowOptions> Days { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Weekdays on which nothing may be sent (e.g. sunday).</summary>
    [ConfigurationKeyName("no_messages_on")]
    public List<string> NoMessagesOn { get; set; } = [];

    /// <summary>Dates on which nothing may be sent: yyyy-MM-dd, MM-dd (every year) or a named holiday.</summary>
    [ConfigurationKeyName("holidays")]
    public List<string> Holidays { get; set; } = [];
}
