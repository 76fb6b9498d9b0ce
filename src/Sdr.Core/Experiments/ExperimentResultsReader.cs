using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Experiments;

/// <summary>The outcome counts of one variant, read from the stored sequences, replies, events and suppressions.</summary>
public sealed record VariantCounts(string Variant, int Assigned, int Replied, int Qualified, int Booked, int OptedOut);

/// <summary>
/// Counts each variant's outcomes among the sequences a test assigned (<c>ab_test_id</c>), leaving out those enrolled
/// after its promotion: they carry the test (so the winner's tone and timing apply) but got the winner as the
/// default, not by assignment.
/// </summary>
public sealed class ExperimentResultsReader(SdrDbContext db)
{
    /// <summary>The category ObjectionHandler gives a STOP: an opt-out, not a reply the variant earned.</summary>
    private const string OptOutCategory = "opt_out";

    public async Task<IReadOnlyDictionary<string, VariantCounts>> CountAsync(SdrAbTest test, CancellationToken cancellationToken)
    {
        var promotedAt = test.PromotedAt;
        var rows = await db.Sequences
            .AsNoTracking()
            .Where(s => s.AbTestId == test.Id && (promotedAt == null || s.EnrolledAt <= promotedAt))
            .Select(s => new
            {
                s.AbVariant,
                Replied = db.Replies.Any(r => r.SequenceId == s.Id && !r.IsAutoResponder && r.Category != OptOutCategory),
                Qualified = s.CurrentStep == SequenceStep.Qualified || s.CurrentStep == SequenceStep.Booked
                    || db.SequenceEvents.Any(e => e.SequenceId == s.Id && (e.Kind == SequenceEventKinds.HandedOff || e.Kind == SequenceEventKinds.Booked)),
                Booked = s.CurrentStep == SequenceStep.Booked || db.SequenceEvents.Any(e => e.SequenceId == s.Id && e.Kind == SequenceEventKinds.Booked),
                OptedOut = s.CurrentStep == SequenceStep.OptedOut
                    || db.SequenceEvents.Any(e => e.SequenceId == s.Id && e.Kind == SequenceEventKinds.OptedOut)
                    || db.Suppressions.Any(x => x.ContactId == s.ContactId && (x.LocationId == s.LocationId || x.LocationId == null) && x.CreatedAt >= s.EnrolledAt),
            })
            .ToListAsync(cancellationToken);

        return rows
            .GroupBy(r => r.AbVariant, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => new VariantCounts(g.Key, g.Count(), g.Count(r => r.Replied), g.Count(r => r.Qualified), g.Count(r => r.Booked), g.Count(r => r.OptedOut)),
                StringComparer.Ordinal);
    }
}
