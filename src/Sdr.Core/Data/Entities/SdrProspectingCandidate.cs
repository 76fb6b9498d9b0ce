namespace Sdr.Core.Data.Entities;

/// <summary>
/// <c>sdr_prospecting_candidates</c>: one contact or listing a cycle's source found, and what the cycle did with it.
/// Unique per cycle and <see cref="CandidateKey"/>, so a resumed cycle neither stores nor enrols a candidate twice;
/// a contact found by two sources of one cycle belongs to the first.
/// </summary>
public sealed class SdrProspectingCandidate
{
    public long Id { get; set; }
    public long CycleId { get; set; }
    public required string Source { get; set; }

    /// <summary>The GHL contact id, or <c>listing:{id}</c> for a staged listing whose owner is not a contact yet.</summary>
    public required string CandidateKey { get; set; }

    public string? ContactId { get; set; }
    public long? ListingId { get; set; }
    public ProspectingCandidateStatus Status { get; set; } = ProspectingCandidateStatus.Pending;

    /// <summary>The skip reason or the error, for a candidate that was not enrolled.</summary>
    public string? Reason { get; set; }

    /// <summary>What the source knew about the candidate (phone, DND, address, hints) as JSON; encrypted at rest.</summary>
    public string? Facts { get; set; }

    public DateTime FoundAt { get; set; }
    public DateTime? DecidedAt { get; set; }

    public void Decide(ProspectingCandidateStatus status, string? reason, DateTime now)
    {
        Status = status;
        Reason = reason;
        DecidedAt = now;
    }
}
