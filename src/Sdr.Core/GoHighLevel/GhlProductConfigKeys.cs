using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Sdr.Core.GoHighLevel;

/// <summary>The product-wide keys from config/sdr_config.yaml that override the "Ghl" breaker settings.</summary>
internal static class GhlProductConfigKeys
{
    public const string FailureThreshold = "sdr:performance:circuit_breaker_failure_threshold";
    public const string RetryDelayMinutes = "sdr:performance:circuit_breaker_retry_delay_minutes";

    public static void Apply(IConfiguration configuration, GhlOptions options)
    {
        if (TryReadPositive(configuration, FailureThreshold, out var threshold))
        {
            options.CircuitBreakerFailureThreshold = threshold;
        }

        if (TryReadPositive(configuration, RetryDelayMinutes, out var minutes))
        {
            options.CircuitBreakerBreakDuration = TimeSpan.FromMinutes(minutes);
        }
    }

    private static bool TryReadPositive(IConfiguration configuration, string key, out int value) =>
        int.TryParse(configuration[key], NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value > 0;
}
