using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Experiments;

/// <summary>What a change asked of a test came to.</summary>
public enum ExperimentChangeStatus
{
    Done,
    NotFound,

    /// <summary>The test's state does not allow it (promoted twice, a promoted test stopped).</summary>
    Conflict,

    /// <summary>A field of the request is wrong (<see cref="ExperimentChange.Field"/>).</summary>
    Invalid,
}

public sealed record ExperimentChange(ExperimentChangeStatus Status, ExperimentView? Experiment = null, string? Problem = null, string? Field = null);

/// <summary>A created test, or why it was refused.</summary>
public sealed record ExperimentCreation(ExperimentView? Experiment, IReadOnlyList<DraftError> Errors);

/// <summary>
/// The A/B tests (SPEC section 8): create, list, read with results, stop and promote. The dashboard reads
/// <see cref="ListAsync"/> and <see cref="GetResultsAsync"/>; the endpoints call every method.
/// </summary>
public sealed partial class ExperimentService(
    SdrDbContext db,
    ExperimentDraftValidator validator,
    ExperimentCatalog catalog,
    ExperimentResultsReader reader,
    ExperimentGuardrail guardrail,
    IOptions<ExperimentOptions> options,
    TimeProvider time,
    ILogger<ExperimentService> logger)
{
    public async Task<ExperimentCreation> CreateAsync(ExperimentDraft draft, CancellationToken cancellationToken, string? configKey = null)
    {
        var errors = validator.Validate(draft);
        if (errors.Count > 0)
        {
            return new ExperimentCreation(null, errors);
        }

        var test = NewTest(draft, configKey, time.GetUtcNow().UtcDateTime);
        db.AbTests.Add(test);
        await db.SaveChangesAsync(cancellationToken);
        catalog.Remember(test);
        LogCreated(logger, test.Id, test.Variants.Count, test.LocationId ?? "all");
        return new ExperimentCreation(ExperimentView.Of(test), []);
    }

    /// <summary>Every test, the newest first.</summary>
    public async Task<IReadOnlyList<ExperimentView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var tests = await db.AbTests.AsNoTracking().Include(t => t.Variants).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);
        return tests.ConvertAll(ExperimentView.Of);
    }

    /// <summary>
    /// A test with its results and verdict; null for an unknown id. A running test's guardrail is applied first, so
    /// a variant that must stop is shown stopped.
    /// </summary>
    public async Task<ExperimentResults?> GetResultsAsync(long id, CancellationToken cancellationToken = default)
    {
        var test = await FindAsync(id, cancellationToken);
        if (test is null)
        {
            return null;
        }

        var counts = await reader.CountAsync(test, cancellationToken);
        if (guardrail.Apply(test, counts, time.GetUtcNow().UtcDateTime) > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return ExperimentAnalysis.Analyze(test, counts, options.Value.SignificanceAlpha);
    }

    public async Task<ExperimentChange> StopAsync(long id, CancellationToken cancellationToken = default)
    {
        var test = await FindAsync(id, cancellationToken);
        if (test is null)
        {
            return new ExperimentChange(ExperimentChangeStatus.NotFound);
        }

        if (!test.CanStop)
        {
            return new ExperimentChange(ExperimentChangeStatus.Conflict, ExperimentView.Of(test), $"A/B test {id} is {test.Status.ToName()}: only a running test can be stopped.");
        }

        test.Stop("stopped through the API", time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        LogStopped(logger, id);
        return new ExperimentChange(ExperimentChangeStatus.Done, ExperimentView.Of(test));
    }

    /// <summary>
    /// Makes <paramref name="variant"/> (default: the variant most likely best on the test's metric) the default for
    /// new enrolments of the test's location(s). A running or stopped test may be promoted, once.
    /// </summary>
    public async Task<ExperimentChange> PromoteAsync(long id, string? variant, CancellationToken cancellationToken = default)
    {
        var test = await FindAsync(id, cancellationToken);
        if (test is null)
        {
            return new ExperimentChange(ExperimentChangeStatus.NotFound);
        }

        if (!test.CanPromote)
        {
            return new ExperimentChange(ExperimentChangeStatus.Conflict, ExperimentView.Of(test), $"A/B test {id} was already promoted (winner {test.Winner}).");
        }

        if (variant is not null && !test.Variants.Any(v => v.Name == variant))
        {
            return new ExperimentChange(
                ExperimentChangeStatus.Invalid,
                Problem: $"A/B test {id} has no variant '{variant}' (it has {string.Join(", ", test.Variants.OrderBy(v => v.Position).Select(v => v.Name))}).",
                Field: "variant");
        }

        if (variant is null)
        {
            var results = ExperimentAnalysis.Analyze(test, await reader.CountAsync(test, cancellationToken), options.Value.SignificanceAlpha);
            if (results.Leader is null)
            {
                return new ExperimentChange(ExperimentChangeStatus.Conflict, ExperimentView.Of(test), $"A/B test {id} has no assigned sequences yet, so there is no best variant: name the variant to promote.");
            }

            variant = results.Leader;
        }

        test.Promote(variant, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        LogPromoted(logger, id, variant);
        return new ExperimentChange(ExperimentChangeStatus.Done, ExperimentView.Of(test));
    }

    internal static SdrAbTest NewTest(ExperimentDraft draft, string? configKey, DateTime now) => new()
    {
        Name = draft.Name!.Trim(),
        ConfigKey = configKey,
        LocationId = string.IsNullOrWhiteSpace(draft.LocationId) ? null : draft.LocationId.Trim(),
        Metric = AbTestNames.TryParseMetric(draft.Metric) ?? AbTestMetric.ReplyRate,
        CreatedAt = now,
        StartedAt = now,
        Variants = [.. draft.Variants!.Select((v, i) => new SdrAbTestVariant
        {
            Position = i,
            Name = v.Name!,
            Weight = v.Weight!.Value,
            Tone = string.IsNullOrWhiteSpace(v.Tone) ? null : v.Tone.Trim(),
            StepTiming = StepTimingJson.Write(v.StepTiming),
        })],
    };

    private Task<SdrAbTest?> FindAsync(long id, CancellationToken cancellationToken) =>
        db.AbTests.Include(t => t.Variants).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "A/B test {Id} created with {Variants} variants for location {LocationId}")]
    private static partial void LogCreated(ILogger logger, long id, int variants, string locationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A/B test {Id} stopped")]
    private static partial void LogStopped(ILogger logger, long id);

    [LoggerMessage(Level = LogLevel.Information, Message = "A/B test {Id} promoted variant {Variant}")]
    private static partial void LogPromoted(ILogger logger, long id, string variant);
}
