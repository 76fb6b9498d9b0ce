namespace Sdr.Core.Data.Entities;

/// <summary>
/// <c>sdr_enrollment_jobs</c>: a large <c>POST /sdr/prospects/enroll</c>, stored with its contacts before the 202 and worked
/// by whichever instance holds its lease; a lease that runs out lets another instance resume it.
/// </summary>
public sealed class SdrEnrollmentJob
{
    public Guid Id { get; set; }
    public required string LocationId { get; set; }
    public string? LeadType { get; set; }
    public string? SequenceVariant { get; set; }
    public required string Source { get; set; }
    public EnrollmentJobStatus Status { get; private set; } = EnrollmentJobStatus.Queued;
    public int Requested { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }

    /// <summary>How many times a worker took the job; above one the job was resumed after a lost lease.</summary>
    public int Attempts { get; private set; }

    public Guid? LeaseToken { get; set; }
    public DateTime? LeaseUntil { get; set; }

    public List<SdrEnrollmentJobItem> Items { get; set; } = [];

    /// <summary>A worker took the job (its lease is set by the claim itself).</summary>
    public void Start(DateTime at)
    {
        if (Status == EnrollmentJobStatus.Completed)
        {
            throw new InvalidOperationException($"Enrolment job {Id} is already completed.");
        }

        Status = EnrollmentJobStatus.Running;
        StartedAt ??= at;
        Attempts++;
    }

    public void Complete(DateTime at)
    {
        Status = EnrollmentJobStatus.Completed;
        CompletedAt = at;
        LeaseToken = null;
        LeaseUntil = null;
    }
}

/// <summary><c>sdr_enrollment_job_items</c>: one contact of a job, in request order, and what became of it.</summary>
public sealed class SdrEnrollmentJobItem
{
    private const int DetailMaxLength = 500;

    public Guid JobId { get; set; }
    public int Position { get; set; }
    public required string ContactId { get; set; }
    public EnrollmentItemOutcome Outcome { get; private set; } = EnrollmentItemOutcome.Pending;

    /// <summary>The skip reason or the error; null while pending or when enrolled.</summary>
    public string? Detail { get; private set; }
    public DateTime? ProcessedAt { get; private set; }

    public void Record(EnrollmentItemOutcome outcome, string? detail, DateTime at)
    {
        if (outcome == EnrollmentItemOutcome.Pending)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "An item is recorded with its outcome.");
        }

        Outcome = outcome;
        Detail = detail is { Length: > DetailMaxLength } ? detail[..DetailMaxLength] : detail;
        ProcessedAt = at;
    }
}

public enum EnrollmentJobStatus
{
    Queued,
    Running,
    Completed,
}

public enum EnrollmentItemOutcome
{
    Pending,
    Enrolled,
    Skipped,
    Error,
}

public static class EnrollmentJobNames
{
    public static string ToName(this EnrollmentJobStatus status) => status switch
    {
        EnrollmentJobStatus.Queued => "queued",
        EnrollmentJobStatus.Running => "running",
        EnrollmentJobStatus.Completed => "completed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static EnrollmentJobStatus ParseStatus(string name) => name switch
    {
        "queued" => EnrollmentJobStatus.Queued,
        "running" => EnrollmentJobStatus.Running,
        "completed" => EnrollmentJobStatus.Completed,
        _ => throw new FormatException($"Unknown enrolment job status '{name}'."),
    };

    public static string ToName(this EnrollmentItemOutcome outcome) => outcome switch
    {
        EnrollmentItemOutcome.Pending => "pending",
        EnrollmentItemOutcome.Enrolled => "enrolled",
        EnrollmentItemOutcome.Skipped => "skipped",
        EnrollmentItemOutcome.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static EnrollmentItemOutcome ParseOutcome(string name) => name switch
    {
        "pending" => EnrollmentItemOutcome.Pending,
        "enrolled" => EnrollmentItemOutcome.Enrolled,
        "skipped" => EnrollmentItemOutcome.Skipped,
        "error" => EnrollmentItemOutcome.Error,
        _ => throw new FormatException($"Unknown enrolment item outcome '{name}'."),
    };
}
