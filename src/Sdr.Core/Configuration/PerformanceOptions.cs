using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Configuration;

/// <summary><c>sdr:performance</c>.</summary>
public sealed class PerformanceOptions
{
    public const string SectionName = "sdr:performance";

    [ConfigurationKeyName("sla_touch_dispatch_ms")]
    [Range(1, 600_000, ErrorMessage = "sdr:performance:sla_touch_dispatch_ms must be between {1} and {2}.")]
    public int SlaTouchDispatchMs { get; set; } = 5000;

    [ConfigurationKeyName("cron_batch_size")]
    [Range(1, 5000, ErrorMessage = "sdr:performance:cron_batch_size must be between {1} and {2}.")]
    public int CronBatchSize { get; set; } = 50;

    [ConfigurationKeyName("cron_interval_minutes")]
    [Range(0.01, 1440, ErrorMessage = "sdr:performance:cron_interval_minutes must be between {1} and {2}.")]
    public double CronIntervalMinutes { get; set; } = 15;

    /// <summary>Consecutive failures after which a GHL location's circuit breaker opens.</summary>
    [ConfigurationKeyName("circuit_breaker_failure_threshold")]
    [Range(1, 100, ErrorMessage = "sdr:performance:circuit_breaker_failure_threshold must be between {1} and {2}.")]
    public int CircuitBreakerFailureThreshold { get; set; } = 3;

    /// <summary>How long an open GHL circuit breaker fails calls fast before a trial call, in minutes (0.25 = 15 s).</summary>
    [ConfigurationKeyName("circuit_breaker_retry_delay_minutes")]
    [Range(typeof(decimal), "0.01", "1440", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "sdr:performance:circuit_breaker_retry_delay_minutes must be between {1} and {2} (minutes, decimals allowed).")]
    public decimal CircuitBreakerRetryDelayMinutes { get; set; } = 30;

    public TimeSpan CircuitBreakerRetryDelay => TimeSpan.FromMinutes((double)CircuitBreakerRetryDelayMinutes);

    /// <summary>How many touches of one batch are dispatched at once.</summary>
    [ConfigurationKeyName("dispatch_concurrency")]
    [Range(1, 256, ErrorMessage = "sdr:performance:dispatch_concurrency must be between {1} and {2}.")]
    public int DispatchConcurrency { get; set; } = 16;
}
