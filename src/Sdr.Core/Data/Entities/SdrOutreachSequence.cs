namespace Sdr.Core.Data.Entities;

/// <summary><c>sdr_outreach_sequences</c>: the current step and when the next touch is due.</summary>
public sealed class SdrOutreachSequence
{
    public long Id { get; set; }
    public long ProspectId { get; set; }
    public required string ContactId { get; set; }
    public required string LocationId { get; set; }
    public required string CurrentStep { get; set; }
    public required string AbVariant { get; set; }
    public DateTime? NextTouchAt { get; set; }
    public DateTime EnrolledAt { get; set; }

    /// <summary>True while the cadence runs; the database allows one active row per contact and location.</summary>
    public bool IsActive { get; set; }

    public int ReplyCount { get; set; }
    public DateTime? PausedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? EndReason { get; set; }

    /// <summary>How far later steps moved because an earlier touch could not be sent inside its window.</summary>
    public double ScheduleShiftMinutes { get; set; }

    /// <summary>Failed attempts of the pending step; reset when a step is sent.</summary>
    public int DispatchAttempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>Lease of the batch that is working on this row, so no two workers take it.</summary>
    public Guid? ClaimToken { get; set; }
    public DateTime? ClaimedUntil { get; set; }

    public DateTime UpdatedAt { get; set; }

    public SdrProspect? Prospect { get; set; }

    /// <summary>Ends the cadence: no next touch, the active slot freed, the reason kept (at most 200 characters).</summary>
    public void End(DateTime now, string reason)
    {
        IsActive = false;
        NextTouchAt = null;
        EndedAt = now;
        EndReason = reason.Length <= 200 ? reason : reason[..200];
        UpdatedAt = now;
    }
    public List<SdrOutreachTouch> Touches { get; set; } = [];
}
