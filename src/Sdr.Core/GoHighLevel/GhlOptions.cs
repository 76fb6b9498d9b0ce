using System.ComponentModel.DataAnnotations;

namespace Sdr.Core.GoHighLevel;

/// <summary>Settings for the GHL API v2 client, bound from the "Ghl" configuration section.</summary>
public sealed class GhlOptions
{
    public const string SectionName = "Ghl";

    public const string DefaultBaseUrl = "https://services.leadconnectorhq.com";

    [Required(ErrorMessage = "Ghl:BaseUrl is required.")]
    [Url(ErrorMessage = "Ghl:BaseUrl must be an absolute http(s) URL.")]
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>One entry per sub-account: env Ghl__Locations__0__LocationId / Ghl__Locations__0__Token.</summary>
    public List<GhlLocationOptions> Locations { get; set; } = [];

    [Range(1, 10_000, ErrorMessage = "Ghl:RequestsPerWindow must be between 1 and 10000.")]
    public int RequestsPerWindow { get; set; } = 100;

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00", ErrorMessage = "Ghl:Window must be between 1 ms and 1 hour.")]
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);

    [Range(1, 100_000_000, ErrorMessage = "Ghl:DailyLimit must be between 1 and 100000000.")]
    public int DailyLimit { get; set; } = 200_000;

    /// <summary>From sdr:performance:circuit_breaker_failure_threshold (<c>PerformanceOptions</c>); not a "Ghl" setting.</summary>
    public int CircuitBreakerFailureThreshold { get; set; } = 3;

    /// <summary>From sdr:performance:circuit_breaker_retry_delay_minutes (<c>PerformanceOptions</c>); not a "Ghl" setting.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Timeout of one HTTP attempt (the HttpClient's own timeout is disabled).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00", ErrorMessage = "Ghl:AttemptTimeout must be between 1 ms and 10 minutes.")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    [Range(0, 3, ErrorMessage = "Ghl:MaxRetries must be between 0 and 3.")]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; doubled per retry, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Ghl:RetryBaseDelay must be between 0 and 1 minute.")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
}
