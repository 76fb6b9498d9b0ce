using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Sequences;

/// <summary>
/// Large enrolments as durable jobs: the job and its contacts are stored before the caller hears of it, then a
/// worker enrols them chunk by chunk (<c>sync_max_contacts</c> at a time) under a lease, recording each contact's
/// outcome. A job whose worker died is taken over when the lease runs out; the contacts already recorded are not
/// enrolled again, and a contact the dead worker enrolled without recording it is recognised by its sequence.
/// </summary>
public sealed partial class EnrollmentJobs(
    IServiceScopeFactory scopes,
    SequenceEnrollment enrollment,
    EnrollmentJobSignal signal,
    TimeProvider time,
    IOptions<EnrollmentOptions> options,
    ILogger<EnrollmentJobs> logger)
{
    /// <summary>Stores the job and its contacts (in request order, each once) and wakes this instance's worker.</summary>
    public async Task<EnrollmentAccepted> CreateAsync(EnrollCommand command, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var job = new SdrEnrollmentJob
        {
            Id = Guid.NewGuid(),
            LocationId = command.LocationId,
            LeadType = command.LeadType,
            SequenceVariant = command.SequenceVariant,
            Source = command.Source,
            CreatedAt = now,
        };
        job.Items.AddRange(command.ContactIds.Distinct(StringComparer.Ordinal)
            .Select((contactId, position) => new SdrEnrollmentJobItem { JobId = job.Id, Position = position, ContactId = contactId }));
        job.Requested = job.Items.Count;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
            db.EnrollmentJobs.Add(job);
            await db.SaveChangesAsync(cancellationToken);
        }

        signal.Queued();
        return new EnrollmentAccepted(job.Id, job.Status.ToName());
    }

    public async Task<EnrollmentJobView?> GetAsync(Guid enrollmentId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        var job = await db.EnrollmentJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == enrollmentId, cancellationToken);
        if (job is null)
        {
            return null;
        }

        var items = await db.EnrollmentJobItems.AsNoTracking()
            .Where(i => i.JobId == enrollmentId && i.Outcome != EnrollmentItemOutcome.Pending)
            .OrderBy(i => i.Position)
            .ToListAsync(cancellationToken);
        var enrolled = items.Where(i => i.Outcome == EnrollmentItemOutcome.Enrolled).Select(i => i.ContactId).ToList();
        return new EnrollmentJobView(
            job.Id,
            job.Status.ToName(),
            job.LocationId,
            job.Requested,
            enrolled,
            [.. items.Where(i => i.Outcome == EnrollmentItemOutcome.Skipped).Select(i => new EnrollSkip(i.ContactId, i.Detail ?? ""))],
            [.. items.Where(i => i.Outcome == EnrollmentItemOutcome.Error).Select(i => new EnrollError(i.ContactId, i.Detail ?? ""))],
            enrolled.Count,
            job.CreatedAt,
            job.CompletedAt);
    }

    /// <summary>Works every job this instance can claim until none is left; the number of jobs completed.</summary>
    public async Task<int> RunPendingAsync(CancellationToken cancellationToken = default)
    {
        var completed = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var leaseToken = Guid.NewGuid();
            Guid? jobId;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var store = scope.ServiceProvider.GetRequiredService<EnrollmentJobStore>();
                jobId = await store.TryClaimAsync(leaseToken, time.GetUtcNow().UtcDateTime, options.Value.JobLease, cancellationToken);
            }

            if (jobId is not { } id)
            {
                break;
            }

            if (await RunJobAsync(id, leaseToken, cancellationToken))
            {
                completed++;
            }
        }

        return completed;
    }

    /// <summary>Works one claimed job chunk by chunk; true when it completed, false when its lease was lost.</summary>
    private async Task<bool> RunJobAsync(Guid jobId, Guid leaseToken, CancellationToken cancellationToken)
    {
        var chunkSize = options.Value.SyncMaxContacts;
        var first = true;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
            var job = await db.EnrollmentJobs.SingleAsync(j => j.Id == jobId, cancellationToken);
            if (first)
            {
                job.Start(time.GetUtcNow().UtcDateTime);
                if (job.Attempts > 1)
                {
                    LogResumed(logger, jobId, job.Attempts);
                    await RecordEnrolledByEarlierAttemptAsync(db, job, cancellationToken);
                }

                await db.SaveChangesAsync(cancellationToken);
                first = false;
            }

            var pending = await db.EnrollmentJobItems
                .Where(i => i.JobId == jobId && i.Outcome == EnrollmentItemOutcome.Pending)
                .OrderBy(i => i.Position)
                .Take(chunkSize)
                .ToListAsync(cancellationToken);
            if (pending.Count == 0)
            {
                job.Complete(time.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(cancellationToken);
                LogCompleted(logger, jobId, job.Requested);
                return true;
            }

            var command = new EnrollCommand([.. pending.Select(i => i.ContactId)], job.LocationId, job.LeadType, job.SequenceVariant, job.Source);
            var result = await enrollment.EnrollAsync(command, cancellationToken);
            Record(pending, result, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);

            var store = scope.ServiceProvider.GetRequiredService<EnrollmentJobStore>();
            if (!await store.RenewAsync(jobId, leaseToken, time.GetUtcNow().UtcDateTime, options.Value.JobLease, cancellationToken))
            {
                LogLeaseLost(logger, jobId);
                return false;
            }
        }
    }

    private static void Record(IReadOnlyList<SdrEnrollmentJobItem> items, EnrollResult result, DateTime at)
    {
        var enrolled = result.Enrolled.ToHashSet(StringComparer.Ordinal);
        var skipped = result.Skipped.ToDictionary(s => s.ContactId, s => s.Reason, StringComparer.Ordinal);
        var errors = result.Errors.ToDictionary(e => e.ContactId, e => e.Error, StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (enrolled.Contains(item.ContactId))
            {
                item.Record(EnrollmentItemOutcome.Enrolled, null, at);
            }
            else if (skipped.TryGetValue(item.ContactId, out var reason))
            {
                item.Record(EnrollmentItemOutcome.Skipped, reason, at);
            }
            else if (errors.TryGetValue(item.ContactId, out var error))
            {
                item.Record(EnrollmentItemOutcome.Error, error, at);
            }
        }
    }

    /// <summary>
    /// A worker that died between enrolling a chunk and recording it left active sequences behind: those contacts are
    /// this job's enrolments (enrolled since the job was stored), not "already enrolled" skips.
    /// </summary>
    private static async Task RecordEnrolledByEarlierAttemptAsync(SdrDbContext db, SdrEnrollmentJob job, CancellationToken cancellationToken)
    {
        var pending = await db.EnrollmentJobItems
            .Where(i => i.JobId == job.Id && i.Outcome == EnrollmentItemOutcome.Pending)
            .ToListAsync(cancellationToken);
        foreach (var chunk in pending.Chunk(500))
        {
            var ids = chunk.Select(i => i.ContactId).ToList();
            var enrolledAt = await db.Sequences
                .Where(s => s.LocationId == job.LocationId && s.IsActive && ids.Contains(s.ContactId) && s.EnrolledAt >= job.CreatedAt)
                .Select(s => new { s.ContactId, s.EnrolledAt })
                .ToDictionaryAsync(s => s.ContactId, s => s.EnrolledAt, StringComparer.Ordinal, cancellationToken);
            foreach (var item in chunk)
            {
                if (enrolledAt.TryGetValue(item.ContactId, out var at))
                {
                    item.Record(EnrollmentItemOutcome.Enrolled, null, at);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrolment job {JobId} completed ({Requested} contacts)")]
    private static partial void LogCompleted(ILogger logger, Guid jobId, int requested);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enrolment job {JobId} resumed after a lost lease (attempt {Attempt})")]
    private static partial void LogResumed(ILogger logger, Guid jobId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enrolment job {JobId}: lease lost to another worker; this worker stops")]
    private static partial void LogLeaseLost(ILogger logger, Guid jobId);
}
