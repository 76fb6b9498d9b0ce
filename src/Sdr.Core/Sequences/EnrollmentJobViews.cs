namespace Sdr.Core.Sequences;

/// <summary>The answer to a large enrolment request: where to follow it (<c>GET /sdr/prospects/enroll/{enrollment_id}</c>).</summary>
public sealed record EnrollmentAccepted(Guid EnrollmentId, string Status);

/// <summary>An enrolment job and the three lists as far as its work has come.</summary>
public sealed record EnrollmentJobView(
    Guid EnrollmentId,
    string Status,
    string LocationId,
    int Requested,
    IReadOnlyList<string> Enrolled,
    IReadOnlyList<EnrollSkip> Skipped,
    IReadOnlyList<EnrollError> Errors,
    int TotalEnrolled,
    DateTime CreatedAt,
    DateTime? CompletedAt);
