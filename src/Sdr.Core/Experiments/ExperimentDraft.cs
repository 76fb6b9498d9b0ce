namespace Sdr.Core.Experiments;

/// <summary>An A/B test as asked for (API body or config entry), before it is checked.</summary>
public sealed record ExperimentDraft(string? Name, string? LocationId, string? Metric, IReadOnlyList<VariantDraft>? Variants);

/// <summary>One variant as asked for: its name (the sequence variant, whose templates its contacts get), weight in percent, tone and step windows.</summary>
public sealed record VariantDraft(string? Name, int? Weight, string? Tone, IReadOnlyDictionary<string, StepHours>? StepTiming);

/// <summary>A step's window in hours from enrolment, as in <c>sdr:sequence:steps</c>.</summary>
public sealed record StepHours(double MinHours, double MaxHours);

/// <summary>A bad field of a draft, named as in the API's JSON (<c>variants[1].weight</c>).</summary>
public sealed record DraftError(string Field, string Message);
