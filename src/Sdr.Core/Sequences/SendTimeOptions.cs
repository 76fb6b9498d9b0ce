using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Sequences;

/// <summary>
/// <c>sdr:sequence:send_time</c>: how the cadence picks the moment of each step after SMS_1 from the
/// location's own reply rates by the recipient's local hour and weekday (<see cref="SendTimeChooser"/>).
/// </summary>
public sealed class SendTimeOptions
{
    private const string Key = "sdr:sequence:send_time";

    /// <summary>Off: every step goes at its window start (moved into the recipient's allowed hours).</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; } = true;

    [ConfigurationKeyName("lookback_days")]
    [Range(1, 730, ErrorMessage = Key + ":lookback_days must be between {1} and {2}.")]
    public int LookbackDays { get; set; } = 90;

    /// <summary>The reply rate assumed for a channel before the location has sent anything on it.</summary>
    [ConfigurationKeyName("prior_reply_rate")]
    [Range(0.0001, 0.9, ErrorMessage = Key + ":prior_reply_rate must be between {1} and {2}.")]
    public double PriorReplyRate { get; set; } = 0.05;

    /// <summary>
    /// Pseudo-touches each estimate borrows from the level above it (hour and weekday from the hour, the hour
    /// from the channel, the channel from <see cref="PriorReplyRate"/>): larger needs more data to move the time.
    /// </summary>
    [ConfigurationKeyName("prior_strength")]
    [Range(1.0, 100000.0, ErrorMessage = Key + ":prior_strength must be between {1} and {2}.")]
    public double PriorStrength { get; set; } = 20;

    /// <summary>The relative gain over the window start a later moment needs (0.2: 20 % more replies expected).</summary>
    [ConfigurationKeyName("min_gain")]
    [Range(0.0, 100.0, ErrorMessage = Key + ":min_gain must be between {1} and {2}.")]
    public double MinGain { get; set; } = 0.2;

    /// <summary>How sure the data must be that the moment beats the window start (one-sided, normal approximation).</summary>
    [ConfigurationKeyName("confidence")]
    [Range(0.5, 0.999, ErrorMessage = Key + ":confidence must be between {1} and {2}.")]
    public double Confidence { get; set; } = 0.9;

    /// <summary>Minutes between the candidate moments tried inside a step's window.</summary>
    [ConfigurationKeyName("grid_minutes")]
    [Range(1, 120, ErrorMessage = Key + ":grid_minutes must be between {1} and {2}.")]
    public int GridMinutes { get; set; } = 10;

    /// <summary>A location's model is recounted from the database at most this often.</summary>
    [ConfigurationKeyName("refresh_minutes")]
    [Range(1.0, 10080.0, ErrorMessage = Key + ":refresh_minutes must be between {1} and {2}.")]
    public double RefreshMinutes { get; set; } = 60;

    /// <summary>A touch counts as answered when a (non-automatic) reply came within this many hours.</summary>
    [ConfigurationKeyName("reply_within_hours")]
    [Range(1.0, 720.0, ErrorMessage = Key + ":reply_within_hours must be between {1} and {2}.")]
    public double ReplyWithinHours { get; set; } = 48;
}
