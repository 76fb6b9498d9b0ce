using Sdr.Core.Data.Entities;

namespace Sdr.Core.Experiments;

/// <summary>An A/B test as the API and the dashboard show it.</summary>
public sealed record ExperimentView(
    long Id,
    string Name,
    string? ConfigKey,
    string? LocationId,
    string Metric,
    string Status,
    DateTime CreatedAt,
    DateTime StartedAt,
    DateTime? StoppedAt,
    string? StopReason,
    DateTime? PromotedAt,
    string? Winner,
    IReadOnlyList<ExperimentVariantView> Variants)
{
    public static ExperimentView Of(SdrAbTest test) => new(
        test.Id,
        test.Name,
        test.ConfigKey,
        test.LocationId,
        test.Metric.ToName(),
        test.Status.ToName(),
        test.CreatedAt,
        test.StartedAt,
        test.StoppedAt,
        test.StopReason,
        test.PromotedAt,
        test.Winner,
        [.. test.Variants.OrderBy(v => v.Position).Select(ExperimentVariantView.Of)]);
}

/// <summary>A variant: <c>status</c> is <c>active</c> or <c>stopped</c> (by the guardrail, with its reason).</summary>
public sealed record ExperimentVariantView(
    string Name,
    int Weight,
    bool IsControl,
    string? Tone,
    IReadOnlyDictionary<string, StepHours>? StepTiming,
    string Status,
    DateTime? StoppedAt,
    string? StopReason)
{
    public static ExperimentVariantView Of(SdrAbTestVariant variant)
    {
        var timing = StepTimingJson.Read(variant.StepTiming);
        return new(
            variant.Name,
            variant.Weight,
            variant.Position == 0,
            variant.Tone,
            timing.Count == 0 ? null : timing.ToDictionary(t => t.Key.ToName(), t => t.Value),
            variant.IsActive ? "active" : "stopped",
            variant.StoppedAt,
            variant.StopReason);
    }
}

/// <summary>A test with its results per variant and a verdict in plain words.</summary>
/// <param name="Leader">The variant most likely best on the test's metric; null before any sequence is assigned.</param>
public sealed record ExperimentResults(
    ExperimentView Experiment,
    IReadOnlyList<VariantResults> Variants,
    string? Leader,
    string Verdict);

/// <summary>
/// One variant's outcomes among the sequences the test assigned to it (not those enrolled after a promotion):
/// how many replied (a human reply, not an auto-responder or a STOP), qualified (handed off or booked), booked
/// and opted out, and each rate with its comparison to the control.
/// </summary>
public sealed record VariantResults(
    string Name,
    bool IsControl,
    int Assigned,
    int Replied,
    int Qualified,
    int Booked,
    int OptedOut,
    IReadOnlyDictionary<string, RateResult> Rates);

/// <summary>
/// A rate (0-1) of one variant. <c>z</c> and <c>p_value</c> (two-sided) compare it with the control's and are null
/// for the control itself; <c>probability_best</c> is the chance its true rate is the best of all variants
/// (the lowest for opt_out_rate).
/// </summary>
public sealed record RateResult(
    int Successes,
    double Rate,
    double? DifferenceFromControl,
    double? Z,
    double? PValue,
    bool Significant,
    double ProbabilityBest);
