using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Experiments;

/// <summary>
/// Brings the tests of <c>sdr:experiments:tests</c> into the database at start, matched by their key. The database
/// is the record of what happened; config says what should exist:
/// <list type="bullet">
/// <item>a key not in the database is created, running, when enabled (nothing when disabled);</item>
/// <item>a key in the database keeps its status: a stop or promotion made through the API stands, and a
/// stopped test is not restarted;</item>
/// <item><c>enabled: false</c> stops a running test of that key ("disabled in config");</item>
/// <item>a definition that no longer matches the stored one (variants, weights, tone, timing, location, metric) is
/// not applied: changing a test under way would mix two designs in one result. A warning names the key; give the
/// new design a new key to start a new test.</item>
/// </list>
/// </summary>
public sealed partial class ExperimentConfigSync(
    SdrDbContext db,
    ExperimentService experiments,
    IOptions<ExperimentOptions> options,
    TimeProvider time,
    ILogger<ExperimentConfigSync> logger)
{
    /// <summary>Returns how many tests it created or stopped.</summary>
    public async Task<int> SyncAsync(CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var (key, configured) in options.Value.Tests.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var stored = await db.AbTests.Include(t => t.Variants).SingleOrDefaultAsync(t => t.ConfigKey == key, cancellationToken);
            if (stored is null)
            {
                changed += configured.Enabled && await CreateAsync(key, configured, cancellationToken) ? 1 : 0;
                continue;
            }

            if (!configured.Enabled && stored.CanStop)
            {
                stored.Stop("disabled in config", time.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(cancellationToken);
                LogDisabled(logger, key, stored.Id);
                changed++;
            }
            else if (!SameDesign(stored, configured.ToDraft(key)))
            {
                LogDiffers(logger, key, stored.Id);
            }
        }

        return changed;
    }

    private async Task<bool> CreateAsync(string key, ConfiguredExperiment configured, CancellationToken cancellationToken)
    {
        try
        {
            var created = await experiments.CreateAsync(configured.ToDraft(key), cancellationToken, key);
            if (created.Experiment is null)
            {
                // Validated at start-up; reaching here means a template disappeared since.
                LogRefused(logger, key, string.Join("; ", created.Errors.Select(e => $"{e.Field}: {e.Message}")));
                return false;
            }

            return true;
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            // Another instance created it at the same moment.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    internal static bool SameDesign(SdrAbTest stored, ExperimentDraft draft)
    {
        var fresh = ExperimentService.NewTest(draft, stored.ConfigKey, stored.CreatedAt);
        var storedVariants = stored.Variants.OrderBy(v => v.Position).Select(v => (v.Name, v.Weight, v.Tone, v.StepTiming));
        var freshVariants = fresh.Variants.Select(v => (v.Name, v.Weight, v.Tone, v.StepTiming));
        return stored.Name == fresh.Name
            && stored.LocationId == fresh.LocationId
            && stored.Metric == fresh.Metric
            && storedVariants.SequenceEqual(freshVariants);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A/B test {Key} (id {Id}) stopped: disabled in config")]
    private static partial void LogDisabled(ILogger logger, string key, long id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A/B test {Key} (id {Id}) in config differs from the stored test; the stored design is kept (use a new key for a new design)")]
    private static partial void LogDiffers(ILogger logger, string key, long id);

    [LoggerMessage(Level = LogLevel.Error, Message = "A/B test {Key} in config was not created: {Errors}")]
    private static partial void LogRefused(ILogger logger, string key, string errors);
}
