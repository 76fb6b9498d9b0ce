using Microsoft.Extensions.Options;
using Sdr.Core.Configuration;
using Sdr.Core.Phones;

namespace Sdr.Core.Sourcing;

/// <summary>What data annotations cannot say about <c>sdr:prospecting</c>: known source names, schedule entries, service areas.</summary>
internal sealed class ProspectingOptionsValidator : IValidateOptions<ProspectingOptions>
{
    public ValidateOptionsResult Validate(string? name, ProspectingOptions options)
    {
        var failures = new List<string>();
        CheckSources("sdr:prospecting:sources", options.Sources, failures);
        for (var i = 0; i < options.Schedule.Count; i++)
        {
            var entry = options.Schedule[i];
            var path = $"sdr:prospecting:schedule:{i}";
            CheckSources(path + ":sources", entry.Sources, failures);
            if (entry.EveryHours is < 0.25 or > 24 * 365)
            {
                failures.Add($"{path}:every_hours must be between 0.25 and 8760.");
            }

            if (entry.MaxPerSource is < 1 or > 100_000)
            {
                failures.Add($"{path}:max_per_source must be between 1 and 100000.");
            }
        }

        foreach (var (location, area) in options.ServiceAreas)
        {
            foreach (var state in area.States.Where(s => UsStates.Normalize(s) is null))
            {
                failures.Add($"sdr:prospecting:service_areas:{location}:states: '{state}' is not a US state.");
            }

            foreach (var prefix in area.PostalCodePrefixes.Where(p => p.Trim().Length is 0 or > 5 || !p.Trim().All(char.IsAsciiDigit)))
            {
                failures.Add($"sdr:prospecting:service_areas:{location}:postal_code_prefixes: '{prefix}' is not 1 to 5 digits.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckSources(string path, List<string> sources, List<string> failures)
    {
        foreach (var source in sources.Where(s => !ProspectSources.IsKnown(s)))
        {
            failures.Add($"{path}: '{source}' is not a source (known: {string.Join(", ", ProspectSources.All)}).");
        }
    }
}
