using MathNet.Numerics.Distributions;

namespace Sdr.Core.Experiments;

/// <summary>The result of comparing a variant's rate with the control's.</summary>
/// <param name="Z">Positive when the variant's rate is higher.</param>
/// <param name="PValueTwoSided">P(|Z| at least this large) if both rates were equal.</param>
/// <param name="PValueHigher">One-sided: P(Z at least this large) if both rates were equal (the variant's rate is higher).</param>
public sealed record ProportionTest(double Z, double PValueTwoSided, double PValueHigher);

/// <summary>
/// The statistics of an A/B test: a two-proportion z-test against the control, and the Bayesian probability that
/// each variant's rate is the best under independent Beta(1 + successes, 1 + failures) posteriors (a uniform prior),
/// integrated numerically (deterministic, no sampling).
/// </summary>
public static class ExperimentStatistics
{
    private const int IntegrationIntervals = 4000;

    /// <summary>
    /// Pooled two-proportion z-test of <paramref name="variantSuccesses"/>/<paramref name="variantTrials"/> against
    /// <paramref name="controlSuccesses"/>/<paramref name="controlTrials"/>. With no trials on a side, or a pooled rate
    /// of 0 or 1 (no variance), there is no evidence: z = 0 and both p-values are 1.
    /// </summary>
    public static ProportionTest TwoProportionZTest(int variantSuccesses, int variantTrials, int controlSuccesses, int controlTrials)
    {
        if (variantTrials <= 0 || controlTrials <= 0)
        {
            return new ProportionTest(0, 1, 1);
        }

        var pooled = (double)(variantSuccesses + controlSuccesses) / (variantTrials + controlTrials);
        var standardError = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / variantTrials) + (1.0 / controlTrials)));
        if (standardError <= 0)
        {
            return new ProportionTest(0, 1, 1);
        }

        var z = (((double)variantSuccesses / variantTrials) - ((double)controlSuccesses / controlTrials)) / standardError;
        var twoSided = 2 * Normal.CDF(0, 1, -Math.Abs(z));
        return new ProportionTest(z, Math.Min(1, twoSided), 1 - Normal.CDF(0, 1, z));
    }

    /// <summary>
    /// For each arm (successes, trials), the probability that its true rate is the highest (or, with
    /// <paramref name="lowerIsBetter"/>, the lowest) of all: the integral over x of the arm's posterior density times
    /// the probability that every other arm's rate is below (above) x, by Simpson's rule over the span where the
    /// posteriors have mass. The probabilities sum to 1.
    /// </summary>
    public static IReadOnlyList<double> ProbabilityBest(IReadOnlyList<(int Successes, int Trials)> arms, bool lowerIsBetter = false)
    {
        if (arms.Count == 0)
        {
            return [];
        }

        var posteriors = arms.Select(a => new Beta(1 + a.Successes, 1 + Math.Max(0, a.Trials - a.Successes))).ToList();
        var low = Math.Max(0, posteriors.Min(p => p.Mean - (12 * p.StdDev)));
        var high = Math.Min(1, posteriors.Max(p => p.Mean + (12 * p.StdDev)));
        var step = (high - low) / IntegrationIntervals;
        var results = new double[arms.Count];
        for (var k = 0; k <= IntegrationIntervals; k++)
        {
            var x = low + (k * step);
            var weight = k == 0 || k == IntegrationIntervals ? 1 : (k % 2 == 1 ? 4 : 2);
            var cdfs = posteriors.Select(p => lowerIsBetter ? 1 - p.CumulativeDistribution(x) : p.CumulativeDistribution(x)).ToArray();
            for (var i = 0; i < posteriors.Count; i++)
            {
                var density = posteriors[i].Density(x);
                if (density == 0 || double.IsNaN(density))
                {
                    continue;
                }

                var others = 1.0;
                for (var j = 0; j < posteriors.Count; j++)
                {
                    if (j != i)
                    {
                        others *= cdfs[j];
                    }
                }

                results[i] += weight * density * others;
            }
        }

        var total = results.Sum();
        return total > 0 ? results.Select(r => r / total).ToList() : arms.Select(_ => 1.0 / arms.Count).ToList();
    }
}
