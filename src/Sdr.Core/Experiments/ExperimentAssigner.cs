using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Experiments;

/// <summary>
/// The variant an enrolment gets and the A/B test whose variant it is (so the variant's tone and step timing apply).
/// A sequence enrolled after its test's promotion carries the test too, but its results leave it out.
/// </summary>
public sealed record ExperimentAssignment(string Variant, long? AbTestId);

/// <summary>
/// Chooses the variant of an enrolment that did not ask for one. In this order: a running test of the contact's
/// location, a running test of every location (the oldest first when several run), then the winner of the
/// latest promoted test of the location, then of every location; null when none applies (the configured default).
/// Stopped tests assign nothing.
/// </summary>
public sealed class ExperimentAssigner(SdrDbContext db)
{
    public async Task<ExperimentAssignment?> AssignAsync(string locationId, string contactId, CancellationToken cancellationToken)
    {
        var tests = await db.AbTests
            .AsNoTracking()
            .Include(t => t.Variants)
            .Where(t => (t.LocationId == locationId || t.LocationId == null) && (t.Status == AbTestStatus.Running || t.Status == AbTestStatus.Promoted))
            .ToListAsync(cancellationToken);

        var running = tests
            .Where(t => t.Status == AbTestStatus.Running)
            .OrderBy(t => t.LocationId is null)
            .ThenBy(t => t.StartedAt)
            .ThenBy(t => t.Id);
        foreach (var test in running)
        {
            var variants = test.Variants.OrderBy(v => v.Position).Select(v => new WeightedVariant(v.Name, v.Weight, v.IsActive)).ToList();
            if (VariantAssignment.Pick(test.Id, contactId, variants) is { } variant)
            {
                return new ExperimentAssignment(variant, test.Id);
            }
        }

        var promoted = tests
            .Where(t => t.Status == AbTestStatus.Promoted)
            .OrderBy(t => t.LocationId is null)
            .ThenByDescending(t => t.PromotedAt)
            .FirstOrDefault();
        return promoted?.Winner is { } winner ? new ExperimentAssignment(winner, promoted.Id) : null;
    }
}
