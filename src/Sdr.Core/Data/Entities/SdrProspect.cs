namespace Sdr.Core.Data.Entities;

/// <summary><c>sdr_prospects</c>: one row per contact and location.</summary>
public sealed class SdrProspect
{
    public long Id { get; set; }
    public required string ContactId { get; set; }
    public required string LocationId { get; set; }
    public required string Source { get; set; }
    public string LeadType { get; set; } = "ambiguous";
    public double? FrsScore { get; set; }
    public double? PcsScore { get; set; }
    public DateTime EnrolledAt { get; set; }
    public string? FirstName { get; set; }
    public string? TimeZone { get; set; }
    public string? State { get; set; }

    /// <summary>E.164, encrypted at rest: kept for the recipient's time zone when GHL has none.</summary>
    public string? Phone { get; set; }

    /// <summary>Lookup hash of <see cref="Phone"/>: an opt-out reaches the same number in every location.</summary>
    public string? PhoneHash { get; set; }
}
