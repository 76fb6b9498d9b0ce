using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Experiments;

/// <summary>
/// <c>sdr:experiments</c>: A/B tests of sequence variants kept in config (<c>tests</c>, by key), and the
/// significance level and opt-out guardrail every test is judged by.
/// </summary>
public sealed class ExperimentOptions
{
    public const string SectionName = "sdr:experiments";

    /// <summary>Two-sided level at which a difference from the control is called significant in a verdict.</summary>
    [ConfigurationKeyName("significance_alpha")]
    [Range(0.0001, 0.5, ErrorMessage = "sdr:experiments:significance_alpha must be between {1} and {2}.")]
    public double SignificanceAlpha { get; set; } = 0.05;

    /// <summary>One-sided level at which a variant's opt-out rate above the control's stops the variant.</summary>
    [ConfigurationKeyName("guardrail_alpha")]
    [Range(0.0001, 0.5, ErrorMessage = "sdr:experiments:guardrail_alpha must be between {1} and {2}.")]
    public double GuardrailAlpha { get; set; } = 0.01;

    /// <summary>The guardrail judges a variant only once it and the control each have this many assigned sequences.</summary>
    [ConfigurationKeyName("guardrail_min_sample")]
    [Range(1, 1_000_000, ErrorMessage = "sdr:experiments:guardrail_min_sample must be between {1} and {2}.")]
    public int GuardrailMinSample { get; set; } = 50;

    /// <summary>How often the guardrail looks at every running test (it also looks whenever results are read).</summary>
    [ConfigurationKeyName("guardrail_interval_minutes")]
    [Range(1, 1440, ErrorMessage = "sdr:experiments:guardrail_interval_minutes must be between {1} and {2}.")]
    public int GuardrailIntervalMinutes { get; set; } = 15;

    /// <summary>Tests defined in config, by a key that names them for good (see <see cref="ExperimentConfigSync"/>).</summary>
    [ConfigurationKeyName("tests")]
    public Dictionary<string, ConfiguredExperiment> Tests { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One entry of <c>sdr:experiments:tests</c>.</summary>
public sealed class ConfiguredExperiment
{
    /// <summary>False: not created; a running test of this key is stopped at start.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; } = true;

    [ConfigurationKeyName("name")]
    public string? Name { get; set; }

    /// <summary>The GHL location whose enrolments it assigns; empty for every location.</summary>
    [ConfigurationKeyName("location_id")]
    public string? LocationId { get; set; }

    /// <summary>reply_rate (default), qualification_rate or booking_rate.</summary>
    [ConfigurationKeyName("metric")]
    public string? Metric { get; set; }

    /// <summary>In order; the first is the control.</summary>
    [ConfigurationKeyName("variants")]
    public List<ConfiguredVariant> Variants { get; set; } = [];

    public ExperimentDraft ToDraft(string key) => new(
        string.IsNullOrWhiteSpace(Name) ? key : Name,
        string.IsNullOrWhiteSpace(LocationId) ? null : LocationId,
        Metric,
        Variants.ConvertAll(v => new VariantDraft(
            v.Name,
            v.Weight,
            v.Tone,
            v.StepTiming.Count == 0 ? null : v.StepTiming.ToDictionary(s => s.Key, s => new StepHours(s.Value.MinHours, s.Value.MaxHours), StringComparer.OrdinalIgnoreCase))));
}

public sealed class ConfiguredVariant
{
    [ConfigurationKeyName("name")]
    public string? Name { get; set; }

    [ConfigurationKeyName("weight")]
    public int? Weight { get; set; }

    [ConfigurationKeyName("tone")]
    public string? Tone { get; set; }

    [ConfigurationKeyName("step_timing")]
    public Dictionary<string, ConfiguredStepHours> StepTiming { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class ConfiguredStepHours
{
    [ConfigurationKeyName("min_hours")]
    public double MinHours { get; set; }

    [ConfigurationKeyName("max_hours")]
    public double MaxHours { get; set; }
}
