using System.Globalization;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Experiments;

/// <summary>Checks a draft; every error names its field as the API's JSON does.</summary>
public sealed class ExperimentDraftValidator(IEnumerable<IVariantTemplates> templates)
{
    public const int MaxVariants = 10;
    public const int MaxNameLength = 200;
    public const int MaxToneLength = 200;
    public const double MaxStepHours = 24 * 365;

    public IReadOnlyList<DraftError> Validate(ExperimentDraft draft)
    {
        var errors = new List<DraftError>();
        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            errors.Add(new("name", "name is required."));
        }
        else if (draft.Name.Trim().Length > MaxNameLength)
        {
            errors.Add(new("name", $"name must be at most {MaxNameLength} characters."));
        }

        if (draft.LocationId is { } location && !IsId(location))
        {
            errors.Add(new("location_id", "location_id must be 1-64 letters, digits, '-' or '_'."));
        }

        if (draft.Metric is not null && AbTestNames.TryParseMetric(draft.Metric) is null)
        {
            errors.Add(new("metric", $"metric must be one of {string.Join(", ", AbTestNames.MetricNames)}."));
        }

        var variants = draft.Variants ?? [];
        if (variants.Count < 2)
        {
            errors.Add(new("variants", $"variants must name at least two variants (the first is the control); got {variants.Count}."));
            return errors;
        }

        if (variants.Count > MaxVariants)
        {
            errors.Add(new("variants", $"variants may hold at most {MaxVariants} variants; got {variants.Count}."));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < variants.Count; i++)
        {
            ValidateVariant(variants[i], $"variants[{i}]", seen, errors);
        }

        if (variants.All(v => v.Weight is > 0 and <= 100))
        {
            var sum = variants.Sum(v => v.Weight!.Value);
            if (sum != 100)
            {
                errors.Add(new("variants", string.Create(CultureInfo.InvariantCulture, $"the variants' weights must sum to 100; they sum to {sum}.")));
            }
        }

        return errors;
    }

    private void ValidateVariant(VariantDraft variant, string field, HashSet<string> seen, List<DraftError> errors)
    {
        var changesMore = !string.IsNullOrWhiteSpace(variant.Tone) || variant.StepTiming is { Count: > 0 };
        if (string.IsNullOrWhiteSpace(variant.Name) || !IsId(variant.Name))
        {
            errors.Add(new($"{field}.name", "Each variant needs a name of 1-64 letters, digits, '-' or '_'."));
        }
        else if (!seen.Add(variant.Name))
        {
            errors.Add(new($"{field}.name", $"Variant '{variant.Name}' is named twice; variant names must be unique."));
        }
        else if (!changesMore && !templates.Any(t => t.HasTemplates(variant.Name)))
        {
            errors.Add(new($"{field}.name", $"No templates exist for variant '{variant.Name}': name a template variant, or give it a tone or step_timing."));
        }

        if (variant.Weight is null or < 1 or > 100)
        {
            errors.Add(new($"{field}.weight", "weight is required: a whole percent from 1 to 100."));
        }

        if (variant.Tone is { } tone && tone.Trim().Length > MaxToneLength)
        {
            errors.Add(new($"{field}.tone", $"tone must be at most {MaxToneLength} characters."));
        }

        foreach (var (stepName, hours) in variant.StepTiming ?? new Dictionary<string, StepHours>())
        {
            var stepField = $"{field}.step_timing.{stepName}";
            if (!SequenceStepNames.TryParse(stepName.ToLowerInvariant(), out var step) || !SequenceStepNames.Cadence.Contains(step))
            {
                errors.Add(new(stepField, $"'{stepName}' is not a cadence step ({string.Join(", ", SequenceStepNames.Cadence.Select(s => s.ToName()))})."));
            }
            else if (hours is null || hours.MinHours < 0 || hours.MaxHours < hours.MinHours || hours.MaxHours > MaxStepHours)
            {
                errors.Add(new(stepField, $"min_hours and max_hours must satisfy 0 <= min_hours <= max_hours <= {MaxStepHours}."));
            }
        }
    }

    internal static bool IsId(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
