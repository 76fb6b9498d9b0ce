using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Compliance.Hours;

/// <summary>A start and end time of day, HH:mm in 24-hour form; either may be left to the enclosing rule.</summary>
public sealed class HoursWindowOptions
{
    [ConfigurationKeyName("start")]
    public string? Start { get; set; }

    [ConfigurationKeyName("end")]
    public string? End { get; set; }
}
