using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Sdr.Core.GoHighLevel;

/// <summary>Checks what data annotations cannot: the location list and the product-level breaker keys.</summary>
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

        CheckPositiveInt(GhlProductConfigKeys.FailureThreshold, failures);
        CheckPositiveInt(GhlProductConfigKeys.RetryDelayMinutes, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void CheckPositiveInt(string key, List<string> failures)
    {
        var raw = configuration[key];
        if (raw is not null && !(int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0))
        {
            failures.Add($"{key} must be a positive integer.");
        }
    }
}
