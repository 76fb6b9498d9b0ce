using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Experiments;

/// <summary>
/// Stops a variant whose opt-out rate is significantly worse than the control's: a one-sided pooled z-test at
/// <c>guardrail_alpha</c>, judged once the variant and the control each have <c>guardrail_min_sample</c> assigned
/// sequences. A stopped variant takes no new assignments and keeps the reason; a test left with only its control
/// stops too. Runs whenever a test's results are read and every <c>guardrail_interval_minutes</c>.
/// </summary>
public sealed partial class ExperimentGuardrail(
    SdrDbContext db,
    ExperimentResultsReader reader,
    IOptions<ExperimentOptions> options,
    TimeProvider time,
    ILogger<ExperimentGuardrail> logger)
{
    /// <summary>Applies the guardrail to every running test; returns how many variants it stopped.</summary>
    public async Task<int> EnforceGuardrailsAsync(CancellationToken cancellationToken)
    {
        var tests = await db.AbTests.Include(t => t.Variants).Where(t => t.Status == AbTestStatus.Running).ToListAsync(cancellationToken);
        var stopped = 0;
        foreach (var test in tests)
        {
            stopped += Apply(test, await reader.CountAsync(test, cancellationToken), time.GetUtcNow().UtcDateTime);
        }

        if (stopped > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return stopped;
    }

    /// <summary>Stops, on the tracked <paramref name="test"/>, the variants the guardrail condemns (the caller saves); returns how many.</summary>
    internal int Apply(SdrAbTest test, IReadOnlyDictionary<string, VariantCounts> counts, DateTime now)
    {
        if (test.Status != AbTestStatus.Running)
        {
            return 0;
        }

        var settings = options.Value;
        var variants = test.Variants.OrderBy(v => v.Position).ToList();
        var control = counts.GetValueOrDefault(variants[0].Name);
        if (control is null || control.Assigned < settings.GuardrailMinSample)
        {
            return 0;
        }

        var stopped = 0;
        foreach (var variant in variants.Skip(1).Where(v => v.IsActive))
        {
            if (counts.GetValueOrDefault(variant.Name) is not { } arm || arm.Assigned < settings.GuardrailMinSample)
            {
                continue;
            }

            var z = ExperimentStatistics.TwoProportionZTest(arm.OptedOut, arm.Assigned, control.OptedOut, control.Assigned);
            if (z.PValueHigher < settings.GuardrailAlpha)
            {
                variant.Stop(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"guardrail: opt-out rate {arm.OptedOut}/{arm.Assigned} ({100.0 * arm.OptedOut / arm.Assigned:0.#} %) significantly above the control's {control.OptedOut}/{control.Assigned} ({100.0 * control.OptedOut / control.Assigned:0.#} %), one-sided p={z.PValueHigher:0.####} < {settings.GuardrailAlpha}"),
                    now);
                LogVariantStopped(logger, test.Id, variant.Name, z.PValueHigher);
                stopped++;
            }
        }

        if (stopped > 0 && variants.Skip(1).All(v => !v.IsActive))
        {
            test.Stop("guardrail: every variant but the control was stopped for its opt-out rate", now);
        }

        return stopped;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A/B test {Id}: variant {Variant} stopped by the opt-out guardrail (one-sided p={PValue})")]
    private static partial void LogVariantStopped(ILogger logger, long id, string variant, double pValue);
}
