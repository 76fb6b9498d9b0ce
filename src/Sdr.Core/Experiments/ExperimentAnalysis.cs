using System.Globalization;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Experiments;

/// <summary>Turns a test's counts into rates, tests against the control, probabilities of being best and a verdict.</summary>
public static class ExperimentAnalysis
{
    public const string ReplyRate = "reply_rate";
    public const string QualificationRate = "qualification_rate";
    public const string BookingRate = "booking_rate";
    public const string OptOutRate = "opt_out_rate";

    private static readonly (string Name, string Words, Func<VariantCounts, int> Successes, bool LowerIsBetter)[] Rates =
    [
        (ReplyRate, "reply rate", c => c.Replied, false),
        (QualificationRate, "qualification rate", c => c.Qualified, false),
        (BookingRate, "booking rate", c => c.Booked, false),
        (OptOutRate, "opt-out rate", c => c.OptedOut, true),
    ];

    public static ExperimentResults Analyze(SdrAbTest test, IReadOnlyDictionary<string, VariantCounts> counts, double alpha)
    {
        var variants = test.Variants.OrderBy(v => v.Position).ToList();
        var arms = variants.ConvertAll(v => counts.GetValueOrDefault(v.Name) ?? new VariantCounts(v.Name, 0, 0, 0, 0, 0));
        var control = arms[0];
        var rates = arms.ConvertAll(_ => new Dictionary<string, RateResult>(StringComparer.Ordinal));
        foreach (var (name, _, successes, lowerIsBetter) in Rates)
        {
            var best = ExperimentStatistics.ProbabilityBest([.. arms.Select(a => (successes(a), a.Assigned))], lowerIsBetter);
            for (var i = 0; i < arms.Count; i++)
            {
                var rate = Rate(successes(arms[i]), arms[i].Assigned);
                if (i == 0)
                {
                    rates[i][name] = new RateResult(successes(arms[i]), rate, null, null, null, false, best[i]);
                    continue;
                }

                var test2 = ExperimentStatistics.TwoProportionZTest(successes(arms[i]), arms[i].Assigned, successes(control), control.Assigned);
                rates[i][name] = new RateResult(
                    successes(arms[i]),
                    rate,
                    rate - Rate(successes(control), control.Assigned),
                    test2.Z,
                    test2.PValueTwoSided,
                    test2.PValueTwoSided < alpha,
                    best[i]);
            }
        }

        var results = arms.Select((a, i) => new VariantResults(a.Variant, i == 0, a.Assigned, a.Replied, a.Qualified, a.Booked, a.OptedOut, rates[i])).ToList();
        var metric = test.Metric.ToName();
        var leader = arms.Sum(a => a.Assigned) == 0 ? null : results.MaxBy(r => r.Rates[metric].ProbabilityBest)!.Name;
        return new ExperimentResults(ExperimentView.Of(test), results, leader, Verdict(test, results, leader, alpha));
    }

    /// <summary>"B leads on reply rate (12.5 % vs 9.3 %), 94 % probability best, not yet significant at p&lt;0.05 (n=120/118)".</summary>
    internal static string Verdict(SdrAbTest test, IReadOnlyList<VariantResults> results, string? leader, double alpha)
    {
        var metric = test.Metric.ToName();
        var words = Rates.Single(r => r.Name == metric).Words;
        var prefix = test.Status switch
        {
            AbTestStatus.Promoted => $"Promoted {test.Winner}. ",
            AbTestStatus.Stopped => "Stopped. ",
            _ => string.Empty,
        };
        var stopped = test.Variants.Where(v => !v.IsActive).Select(v => $" {v.Name} was stopped: {v.StopReason}.");
        var control = results[0];
        if (leader is null)
        {
            return prefix + "No sequences assigned yet." + string.Concat(stopped);
        }

        var lead = results.Single(r => r.Name == leader);
        var rate = lead.Rates[metric];
        var probability = Percent(rate.ProbabilityBest);
        string text;
        if (lead.IsControl)
        {
            text = string.Create(CultureInfo.InvariantCulture, $"{control.Name} (control) leads on {words} ({Percent(rate.Rate)}), {probability} probability best (n={string.Join("/", results.Select(r => r.Assigned))})");
            var beaten = results.Skip(1).Where(r => r.Rates[metric].Significant).Select(r => r.Name).ToList();
            text += beaten.Count > 0
                ? $"; significantly ahead of {string.Join(", ", beaten)} at p<{Format(alpha)}."
                : $"; no variant differs significantly at p<{Format(alpha)}.";
        }
        else
        {
            var significance = rate.Significant
                ? string.Create(CultureInfo.InvariantCulture, $"significant at p<{Format(alpha)} (p={rate.PValue:0.###})")
                : $"not yet significant at p<{Format(alpha)}";
            text = string.Create(
                CultureInfo.InvariantCulture,
                $"{lead.Name} leads on {words} ({Percent(rate.Rate)} vs {Percent(control.Rates[metric].Rate)} for {control.Name}), {probability} probability best, {significance} (n={lead.Assigned}/{control.Assigned}).");
        }

        return prefix + text + string.Concat(stopped);
    }

    private static double Rate(int successes, int trials) => trials == 0 ? 0 : (double)successes / trials;

    private static string Percent(double value) => string.Create(CultureInfo.InvariantCulture, $"{value * 100:0.#} %");

    private static string Format(double alpha) => alpha.ToString("0.####", CultureInfo.InvariantCulture);
}
