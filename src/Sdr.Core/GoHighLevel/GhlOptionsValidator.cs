using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Sdr.Core.GoHighLevel;

/// <summary>Checks what data annotations cannot: the base URL and the location list.</summary>
internal sealed class GhlOptionsValidator(IConfiguration configuration) : IValidateOptions<GhlOptions>
{
    public ValidateOptionsResult Validate(string? name, GhlOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Ghl:BaseUrl must be an absolute http(s) URL.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Locations.Count; i++)
        {
            var location = options.Locations[i];
            if (string.IsNullOrWhiteSpace(location.LocationId))
            {
                failures.Add($"Ghl:Locations:{i}:LocationId is required.");
            }
            else if (!seen.Add(location.LocationId))
            {
                failures.Add($"Ghl:Locations:{i}:LocationId duplicates another entry ({location.LocationId}).");
            }

            if (string.IsNullOrWhiteSpace(location.Token))
            {
                failures.Add($"Ghl:Locations:{i}:Token is required.");
            }
        }

        RejectBreakerKey(nameof(GhlOptions.CircuitBreakerFailureThreshold), "sdr:performance:circuit_breaker_failure_threshold", failures);
        RejectBreakerKey(nameof(GhlOptions.CircuitBreakerBreakDuration), "sdr:performance:circuit_breaker_retry_delay_minutes", failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The breaker is set from sdr:performance alone, so a "Ghl" key for it would be silently ignored.</summary>
    private void RejectBreakerKey(string property, string productKey, List<string> failures)
    {
        var key = $"{GhlOptions.SectionName}:{property}";
        if (configuration[key] is not null)
        {
            failures.Add($"{key} is not a setting; use {productKey}.");
        }
    }
}
