using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data;

/// <summary>
/// The enrolment jobs' leases: a worker claims a job not completed whose lease is free or ran out, renews the lease
/// as it goes, and loses the job to another worker when it stops renewing (a crash, a stop).
/// </summary>
public sealed class EnrollmentJobStore(SdrDbContext db)
{
    /// <summary>The oldest job another worker does not hold, now leased to <paramref name="leaseToken"/>; null when there is none.</summary>
    public async Task<Guid?> TryClaimAsync(Guid leaseToken, DateTime now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var candidates = await db.EnrollmentJobs
            .Where(j => j.Status != EnrollmentJobStatus.Completed && (j.LeaseUntil == null || j.LeaseUntil < now))
            .OrderBy(j => j.CreatedAt)
            .Select(j => j.Id)
            .Take(5)
            .ToListAsync(cancellationToken);
        foreach (var id in candidates)
        {
            // The same condition again in the update: of two workers reading the same candidate, one wins.
            var claimed = await db.EnrollmentJobs
                .Where(j => j.Id == id && j.Status != EnrollmentJobStatus.Completed && (j.LeaseUntil == null || j.LeaseUntil < now))
                .ExecuteUpdateAsync(set => set.SetProperty(j => j.LeaseToken, leaseToken).SetProperty(j => j.LeaseUntil, now.Add(lease)), cancellationToken);
            if (claimed == 1)
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>Extends the lease; false when the job is no longer this worker's (its lease ran out and another took it).</summary>
    public async Task<bool> RenewAsync(Guid jobId, Guid leaseToken, DateTime now, TimeSpan lease, CancellationToken cancellationToken) =>
        await db.EnrollmentJobs
            .Where(j => j.Id == jobId && j.LeaseToken == leaseToken && j.Status != EnrollmentJobStatus.Completed)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.LeaseUntil, now.Add(lease)), cancellationToken) == 1;
}
