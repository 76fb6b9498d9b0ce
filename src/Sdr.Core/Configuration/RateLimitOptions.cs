using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Configuration;

/// <summary><c>sdr:rate_limits</c>.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "sdr:rate_limits";

    [ConfigurationKeyName("max_enrollments_per_hour")]
    [Range(1, 1_000_000, ErrorMessage = "sdr:rate_limits:max_enrollments_per_hour must be between {1} and {2}.")]
    public int MaxEnrollmentsPerHour { get; set; } = 50;

    [ConfigurationKeyName("max_touches_per_contact_per_day")]
    [Range(1, 20, ErrorMessage = "sdr:rate_limits:max_touches_per_contact_per_day must be between {1} and {2}.")]
    public int MaxTouchesPerContactPerDay { get; set; } = 1;

    [ConfigurationKeyName("daily_sms_cap")]
    [Range(1, 1_000_000, ErrorMessage = "sdr:rate_limits:daily_sms_cap must be between {1} and {2}.")]
    public int DailySmsCap { get; set; } = 500;

    [ConfigurationKeyName("redis_key_prefix")]
    [Required(AllowEmptyStrings = false, ErrorMessage = "sdr:rate_limits:redis_key_prefix is required.")]
    public string RedisKeyPrefix { get; set; } = "sdr:sms:daily";
}
